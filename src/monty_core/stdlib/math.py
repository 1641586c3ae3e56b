"""`math` in the sandbox: CPython's C functions.

The ones whose integer results can be huge (`factorial`, `comb`, `perm`, `prod`) check the result size
first (`MemoryError` past 2M bits, `runtime/bigints.MAX_INT_BITS`), and `prod`/`fsum` consume their
iterable under the meter.
"""

from __future__ import annotations

import math as _math
from math import lgamma as _lgamma
from math import log as _log
from operator import index as _index
from typing import Any

from ..runtime.bigints import check_gcd, check_int_work
from ..runtime.modules import RunContext
from ._support import check_int_bits, check_mul, metered

_LN2 = _log(2)


def _math_factory(ctx: RunContext) -> dict[str, Any]:
    exports: dict[str, Any] = {n: getattr(_math, n) for n in dir(_math) if not n.startswith('_')}

    # Integer arguments are read once (`operator.index`), checked, and passed on as ints: a sandbox
    # `__index__` could answer small to the check and huge to CPython.
    def factorial(n: Any, /) -> int:
        n = _index(n)
        if n > 20:
            check_int_bits(n * n.bit_length(), 'factorial()')
        return _math.factorial(n)

    def comb(n: Any, k: Any, /) -> int:
        n, k = _index(n), _index(k)
        if 0 <= k <= n:
            j = min(k, n - k)
            check_int_bits(j * n.bit_length(), 'comb()')
            if j > 64:
                # CPython splits the product and divides: about 10 x bits(result)^2 steps.
                bits = int((_lgamma(n + 1) - _lgamma(j + 1) - _lgamma(n - j + 1)) / _LN2) + 1
                check_int_work(10 * bits * bits, 'comb()', bits)
        return _math.comb(n, k)

    def perm(n: Any, k: Any = None, /) -> int:
        n = _index(n)
        k = None if k is None else _index(k)
        if n >= 0:
            kk = n if k is None else k
            if 0 <= kk <= n:
                check_int_bits(kk * n.bit_length(), 'perm()')
        return _math.perm(n, k)

    def gcd(*integers: Any) -> int:
        ints = tuple(map(_index, integers))
        check_gcd(ints, 'gcd()')
        return _math.gcd(*ints)

    def lcm(*integers: Any) -> int:
        ints = tuple(map(_index, integers))
        check_gcd(ints, 'lcm()')
        check_int_bits(sum(i.bit_length() for i in ints), 'lcm()')
        return _math.lcm(*ints)

    def isqrt(n: Any, /) -> int:
        # Newton's iteration divides: about bits^2 / 4 steps of a long division.
        n = _index(n)
        bits = n.bit_length()
        check_int_work(bits * bits // 4, 'isqrt()', bits)
        return _math.isqrt(n)

    def prod(iterable: Any, /, *, start: Any = 1) -> Any:
        result = start
        for x in metered(ctx, iterable):
            check_mul(ctx, result, x)
            result = result * x
        return result

    def fsum(iterable: Any, /) -> float:
        return _math.fsum(metered(ctx, iterable))

    exports.update(
        factorial=factorial, comb=comb, perm=perm, gcd=gcd, lcm=lcm, isqrt=isqrt, prod=prod, fsum=fsum
    )
    return exports
