# expect: NotImplementedError
# An abstract-by-convention base class: the subclass forgot to override one method.
class Exporter:
    def export(self, rows):
        header = self.header(rows)
        return [header] + [self.line(r) for r in rows]

    def header(self, rows):
        return ','.join(rows[0]) if rows else ''

    def line(self, row):
        raise NotImplementedError(f'{type(self).__name__}.line')


class CsvExporter(Exporter):
    def line(self, row):
        return ','.join(str(v) for v in row.values())


class JsonishExporter(Exporter):
    def header(self, rows):
        return '['


rows = [{'a': 1, 'b': 2}, {'a': 3, 'b': 4}]
print(CsvExporter().export(rows))
print(JsonishExporter().export([]))
JsonishExporter().export(rows)
