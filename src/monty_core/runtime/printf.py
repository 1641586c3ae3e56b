"""`%` formatting of strings for sandbox code: size-checked, and rendered as the sandbox renders text.

CPython's `'%r' % (f,)` and `'%s' % obj` render with the object's own repr, which shows a memory
address for functions, methods, generators and objects with the default repr, and hash order for
sets. The sandbox pre-renders those arguments with `stable_str`/`stable_repr`/`stable_ascii`
(runtime/rendering.py) and formats the resulting strings with `%s` (same flags, width and precision),
so the text is the same in every process and shows no host address. Arguments that are already
plain text or numbers take CPython's path unchanged.
"""

from __future__ import annotations

import re
from typing import Any

from .guarded_ops import imod, mod
from .identities import NATIVE_TEXT
from .rendering import stable_ascii, stable_repr, stable_str, weigh_format_args

_type = type
_SPEC = re.compile(r'[-#0 +]*(?P<width>\*|\d*)(?:\.(?P<prec>\*|\d*))?[hlL]?(?P<conv>.?)', re.S)
_RENDER = {'s': stable_str, 'r': stable_repr, 'a': stable_ascii}


class _Rendered(dict):  # type: ignore[type-arg]
    """The mapping of a `%(key)s` format: the pre-rendered values, the others from the original."""

    __slots__ = ('original',)

    def __init__(self, original: Any) -> None:
        super().__init__()
        self.original = original

    def __missing__(self, key: Any) -> Any:
        return self.original[key]


def _specs(fmt: str) -> Any:
    """Each conversion of `fmt` (not `%%`): its mapping key (or None) and its spec's match, read as
    CPython reads them (a key's parentheses nest: `%((a))s` is the key `(a)`)."""
    at = fmt.find('%')
    while at != -1 and at + 1 < len(fmt):
        pos = at + 1
        if fmt[pos] == '%':
            at = fmt.find('%', pos + 1)
            continue
        key = None
        if fmt[pos] == '(':
            depth, start = 1, pos + 1
            pos += 1
            while pos < len(fmt) and depth:
                depth += (fmt[pos] == '(') - (fmt[pos] == ')')
                pos += 1
            key = fmt[start : pos - 1]
        m = _SPEC.match(fmt, pos)
        if m is None:  # pragma: no cover - the pattern matches the empty string
            return
        yield key, m
        at = fmt.find('%', m.end())


def _plain(value: Any) -> bool:
    return _type(value) in NATIVE_TEXT


def stable_mod(fmt: str, args: Any) -> str:
    """`fmt % args` rendered as the sandbox renders text (see the module docstring)."""
    t = _type(args)
    is_tuple = t is tuple or isinstance(args, tuple)
    if is_tuple:
        if all(_plain(a) for a in args):
            return mod(fmt, args)
        positional: list[Any] = list(args)
    else:
        if _plain(args) and not hasattr(t, 'keys'):
            return mod(fmt, args)
        positional = [args]
    mapping: _Rendered | None = None
    parts: list[str] = []
    last = 0
    index = 0
    for key, m in _specs(fmt):
        conv = m['conv']
        index += (m['width'] == '*') + (m['prec'] == '*')
        render = _RENDER.get(conv)
        if key is not None:
            if render is None:
                continue
            value = args[key]  # (an error here is the one CPython's `%` raises reading the key)
            if not _plain(value):
                if mapping is None:
                    mapping = _Rendered(args)
                mapping[key] = render(value)
        else:
            if render is not None and index < len(positional) and not _plain(positional[index]):
                positional[index] = render(positional[index])
            index += 1
        if render is not None and conv != 's':
            parts.append(fmt[last : m.end() - 1])
            parts.append('s')
            last = m.end()
    new_fmt = ''.join(parts) + fmt[last:] if parts else fmt
    if mapping is not None:
        return mod(new_fmt, mapping)
    return mod(new_fmt, tuple(positional) if is_tuple else positional[0])


def checked_mod(a: Any, b: Any) -> Any:
    """`_m_mod`: `a % b` with the size checks, weighing what `%s`/`%r`/`%a` would render, and text
    rendered as the sandbox renders it."""
    if _type(a) is str:
        weigh_format_args(b)
        return stable_mod(a, b)
    return mod(a, b)


def checked_imod(a: Any, b: Any) -> Any:
    """`_m_imod`: `a %= b`, checked as `checked_mod`."""
    if _type(a) is str:
        weigh_format_args(b)
        return stable_mod(a, b)
    return imod(a, b)
