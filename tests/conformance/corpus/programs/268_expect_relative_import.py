# expect: ImportError
# A helper snippet copied from a package: its optional relative import falls back, the required one fails.
try:
    from .utils import slugify
except ImportError as e:
    print('fallback:', type(e).__name__, e)

    def slugify(text):
        return '-'.join(text.lower().split())

print(slugify('Hello World Again'))
try:
    from . import settings
except ImportError as e:
    print('no settings:', e)
from ..core import engine
