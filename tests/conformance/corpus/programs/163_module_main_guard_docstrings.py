"""Report generator: the module docstring must not become the final value."""

def summarize(values):
    """Return (count, total, mean) for a list of numbers."""
    if not values:
        return 0, 0, None
    total = sum(values)
    return len(values), total, total / len(values)

class Report:
    """Collects named series and renders them."""

    def __init__(self):
        """Start empty."""
        self.series = {}

    def add(self, name, values):
        self.series[name] = values
        return self

    def render(self):
        lines = []
        for name, values in self.series.items():
            n, total, mean = summarize(values)
            lines.append(f'{name}: n={n} total={total} mean={mean}')
        return '\n'.join(lines)

def main():
    report = Report().add('a', [1, 2, 3]).add('b', []).add('c', [2.5])
    print(report.render())
    return len(report.series)

print(__name__)
if __name__ == '__main__':
    result = main()
    print('main returned', result)
else:
    result = None
'all done', result
