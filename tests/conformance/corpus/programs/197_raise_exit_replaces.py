# expect: RuntimeError
class Cleanup:
    def __enter__(self):
        print('acquire')
        return self

    def __exit__(self, exc_type, exc, tb):
        print('cleanup sees', exc_type.__name__ if exc_type else None)
        raise RuntimeError('cleanup failed')

with Cleanup():
    print('body')
    raise ValueError('body failed')
