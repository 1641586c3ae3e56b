"""`decimal` in the sandbox: CPython's implementation behind the sealed `Decimal` and `Context` of
`_sealed_numbers.py` (exponents within about ±1.1 million, `prec` at most 100000, `Emin`/`Emax` within
±1000000).

The current context is per run (each run has its own context variables), so `getcontext().prec = 50`
never leaks into the host or other runs. `DefaultContext`/`BasicContext`/`ExtendedContext` are per-run
copies. `decimal.Decimal` subclasses defined in the sandbox are not supported (the classes are host
classes).
"""

from __future__ import annotations

import decimal as _dec
from typing import Any

from ..runtime.modules import RunContext
from ._sealed_numbers import MAX_EMAX, MAX_PREC, Context, Decimal, copy_context
from ._support import Sealed, allow, allow_public, build, seal_set


class _LocalContext(Sealed):
    """The context manager `localcontext()` returns."""

    __slots__ = ('_new', '_saved')
    _new: Context
    _saved: Any

    def __enter__(self) -> Context:
        seal_set(self, '_saved', _dec.getcontext())
        _dec.setcontext(self._new)
        return self._new

    def __exit__(self, *exc: Any) -> None:
        _dec.setcontext(self._saved)


allow(_LocalContext, ())
allow_public(Decimal)
allow_public(Context)
allow_public(type(_dec.Context().flags))
allow(_dec.DecimalTuple, {'sign', 'digits', 'exponent', 'count', 'index'})

_SIGNALS = (
    'DecimalException',
    'Clamped',
    'InvalidOperation',
    'DivisionByZero',
    'Inexact',
    'Rounded',
    'Subnormal',
    'Overflow',
    'Underflow',
    'FloatOperation',
    'ConversionSyntax',
    'DivisionImpossible',
    'DivisionUndefined',
    'InvalidContext',
)
for _name in _SIGNALS:
    allow(getattr(_dec, _name), {'args', 'add_note'})


def getcontext() -> Context:
    """The current context of this run."""
    c = _dec.getcontext()
    if type(c) is not Context:
        c = copy_context(c)
        _dec.setcontext(c)
    return c  # type: ignore[return-value]


def setcontext(context: Any) -> None:
    if type(context) is not Context:
        raise TypeError('argument must be a context')
    _dec.setcontext(context)


def localcontext(ctx: Any = None, **kwargs: Any) -> Any:
    if ctx is None:
        ctx = getcontext()
    elif type(ctx) is not Context:
        raise TypeError('optional argument must be a context')
    new = copy_context(ctx)
    for name, value in kwargs.items():
        if name not in ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags', 'traps'):
            raise TypeError(f"'{name}' is an invalid keyword argument for this function")
        setattr(new, name, value)
    return build(_LocalContext, _new=new, _saved=None)


def _decimal_factory(ctx: RunContext) -> dict[str, Any]:
    exports: dict[str, Any] = {name: getattr(_dec, name) for name in _SIGNALS}
    exports.update({name: getattr(_dec, name) for name in dir(_dec) if name.startswith('ROUND_')})
    exports.update(
        Decimal=Decimal,
        Context=Context,
        DecimalTuple=_dec.DecimalTuple,
        getcontext=getcontext,
        setcontext=setcontext,
        localcontext=localcontext,
        DefaultContext=copy_context(_dec.DefaultContext),
        BasicContext=copy_context(_dec.BasicContext),
        ExtendedContext=copy_context(_dec.ExtendedContext),
        MAX_PREC=MAX_PREC,
        MAX_EMAX=MAX_EMAX,
        MIN_EMIN=-MAX_EMAX,
        MIN_ETINY=-MAX_EMAX - MAX_PREC + 1,
        HAVE_THREADS=True,
        HAVE_CONTEXTVAR=True,
    )
    return exports
