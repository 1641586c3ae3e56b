"""`match` statements: what CPython's pattern matching would read natively, made to go through the guard.

Mixed into the main rewrite pass (rewrite.py). CPython evaluates a pattern's dotted names and reads
class-pattern attributes itself, with no bytecode the rewrite could guard:

- dotted names in value patterns, class patterns and mapping keys (`case Color.RED:`,
  `case shapes.Circle():`, `case {Key.A: v}`) are evaluated once before the match, through the guard,
  and the patterns read them from a holder object: `case _m_pv3.v0:`. The subject is evaluated first,
  as CPython does (`_m_ms3 = subject`). A `Name.attr` whose base is proven open (opentypes.py) and
  whose name is plain-safe stays as it is;
- a class pattern with sub-patterns (`case Point(x=0, y=y)`, `case Node(left, right)`) reads the
  subject's attributes natively: it becomes `case _m_pv3.v1(Point(x=0, y=y))`, where `v1` is
  `_m_class_pattern(Point, ('x', 'y'), 0)` read before the match: a pattern deciding by the subject's
  type (runtime/patterns.py) that an open type is read natively, and any other subject's attributes
  go through the guard first (a refused one raises, as reading it does).

Keyword captures of names that are not plain-safe were moved into the case's guard already
(sizeguard.py), and the checker refuses the rest.
"""

from __future__ import annotations

import ast
from typing import Any, cast

from ..hooks import CLASS_PATTERN, MATCH_SUBJECT, PATTERN_HOLDER, PATTERN_VALUES
from .astutil import LOAD
from .opentypes import OpenFacts

HOLDER_SIZE = 256  # dotted names one match statement may use (runtime/patterns.py `PatternValues`)


class PatternRewrites:
    """`visit_Match` for the main rewrite pass (see the module docstring)."""

    visit: Any
    facts: OpenFacts
    plain_safe: Any
    _stmts: Any
    match_count: int = 0

    def visit_Match(self, node: ast.Match) -> Any:
        """`match s:` with dotted names or class patterns to guard becomes `_m_msN = s`,
        `_m_pvN = _m_pattern_values(...)` (those values, read before the match), then the match on
        `_m_msN`, its patterns reading them from `_m_pvN`; otherwise only the subject, guards and
        bodies are rewritten."""
        node.subject = cast(ast.expr, self.visit(node.subject))
        self.match_count += 1
        holder = f'{PATTERN_HOLDER}{self.match_count}'
        hoisted: list[ast.expr] = []
        for case in node.cases:
            case.pattern = self._pattern(case.pattern, holder, hoisted)
            if case.guard is not None:
                case.guard = cast(ast.expr, self.visit(case.guard))
            case.body = self._stmts(case.body) or [ast.Pass()]
        if not hoisted:
            return node
        if len(hoisted) > HOLDER_SIZE:
            from ..errors import MontySyntaxError

            raise MontySyntaxError(
                f'a match statement may use at most {HOLDER_SIZE} dotted names in the sandbox',
                line=node.lineno,
                column=node.col_offset + 1,
            )
        subject = f'{MATCH_SUBJECT}{self.match_count}'
        pos = _pos(node)
        keep_subject = ast.Assign(targets=[ast.Name(subject, ast.Store(), **pos)], value=node.subject, **pos)
        values = ast.Call(ast.Name(PATTERN_VALUES, LOAD, **pos), hoisted, [], **pos)
        hold = ast.Assign(targets=[ast.Name(holder, ast.Store(), **pos)], value=values, **pos)
        node.subject = ast.Name(subject, LOAD, **pos)
        return [keep_subject, hold, node]

    def _dotted(self, value: ast.expr, holder: str, hoisted: list[ast.expr]) -> ast.expr:
        """A dotted name of a pattern: kept when it is `proven.plain_safe`, else read from the holder."""
        if not isinstance(value, ast.Attribute):
            return value
        if (
            isinstance(value.value, ast.Name)
            and self.facts.is_open(value.value)
            and self.plain_safe(value.attr)
        ):
            return value
        pos = _pos(value)
        hoisted.append(cast(ast.expr, self.visit(value)))
        return ast.Attribute(ast.Name(holder, LOAD, **pos), f'v{len(hoisted) - 1}', LOAD, **pos)

    def _pattern(self, p: ast.pattern, holder: str, hoisted: list[ast.expr]) -> ast.pattern:
        if isinstance(p, ast.MatchValue):
            p.value = self._dotted(p.value, holder, hoisted)
        elif isinstance(p, ast.MatchClass):
            original_cls = p.cls
            p.cls = self._dotted(p.cls, holder, hoisted)
            p.patterns = [self._pattern(s, holder, hoisted) for s in p.patterns]
            p.kwd_patterns = [self._pattern(s, holder, hoisted) for s in p.kwd_patterns]
            if p.patterns or p.kwd_patterns:
                # `_m_class_pattern(Cls, names, positional)`, read before the match, decides by the
                # subject's type whether CPython may read them (runtime/patterns.py).
                pos = _pos(p)
                target = p.cls if isinstance(p.cls, ast.Name) else cast(ast.expr, self.visit(original_cls))
                names = ast.Tuple([ast.Constant(n, **pos) for n in p.kwd_attrs], LOAD, **pos)
                check = ast.Call(
                    ast.Name(CLASS_PATTERN, LOAD, **pos),
                    [ast.Name(target.id, LOAD, **pos) if isinstance(target, ast.Name) else target, names,
                     ast.Constant(len(p.patterns), **pos)],
                    [],
                    **pos,
                )  # fmt: skip
                hoisted.append(check)
                decide = ast.Attribute(ast.Name(holder, LOAD, **pos), f'v{len(hoisted) - 1}', LOAD, **pos)
                return ast.MatchClass(decide, [p], [], [], **pos)
        elif isinstance(p, ast.MatchMapping):
            p.keys = [self._dotted(k, holder, hoisted) for k in p.keys]
            p.patterns = [self._pattern(s, holder, hoisted) for s in p.patterns]
        elif isinstance(p, (ast.MatchSequence, ast.MatchOr)):
            p.patterns = [self._pattern(s, holder, hoisted) for s in p.patterns]
        elif isinstance(p, ast.MatchAs) and p.pattern is not None:
            p.pattern = self._pattern(p.pattern, holder, hoisted)
        return p


def _pos(src: ast.AST) -> dict[str, Any]:
    d = src.__dict__
    line, col = d.get('lineno', 1), d.get('col_offset', 0)
    return {'lineno': line, 'col_offset': col, 'end_lineno': d.get('end_lineno', line),
            'end_col_offset': d.get('end_col_offset', col)}  # fmt: skip
