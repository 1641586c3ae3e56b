"""Attribute stores and deletes in the rewrite (mixed into rewrite.py's rewriter): every attribute write
and delete goes through the guard, in CPython's evaluation order.

- `a.b = v` becomes `_m_setattr(v, a, 'b')` (the value first, as CPython evaluates it);
- `a.b, c = v` unpacks into temporaries first, then stores each target in turn (`_m_t1`, `_m_t2`);
- `a.b += v` reads through the guard, computes, and stores through the guard;
- `del a.b` becomes `_m_delattr(a, 'b')`;
- a method's stores to its own `self` are plain after one check per call (`_m_self`, see
  `_is_fast_self`), the guarded form kept for the other branch.
"""

from __future__ import annotations

import ast
import copy
from typing import Any, cast

from ..hooks import DELATTR, GETATTR, SELF_FLAG, SETATTR
from .astutil import child_fields, locate


def _name(id_: str, ctx: ast.expr_context | None = None) -> ast.Name:
    return ast.Name(id=id_, ctx=ctx or ast.Load())


def _call(func: str, *args: ast.expr) -> ast.Call:
    return ast.Call(func=_name(func), args=list(args), keywords=[])


class AttributeStores:
    """Assignments, augmented assignments, annotated assignments and deletes."""

    # provided by the main rewriter and the other mixins
    visit: Any
    temp: Any
    attr_name: Any
    plain_safe: Any
    _is_fast_self: Any
    unpacked_value: Any
    checked_augassign: Any
    in_class: bool
    fast_stores: int

    @staticmethod
    def _has_attribute(target: ast.expr) -> bool:
        """Whether an assignment target stores to an attribute (`a.b`, or one inside a tuple/list
        target); attributes read while computing a subscript target don't count."""
        if isinstance(target, ast.Attribute):
            return True
        if isinstance(target, (ast.Tuple, ast.List)):
            return any(AttributeStores._has_attribute(e) for e in target.elts)
        if isinstance(target, ast.Starred):
            return AttributeStores._has_attribute(target.value)
        return False

    def _store(self, target: ast.expr, value: ast.expr) -> list[ast.stmt]:
        """Statements storing `value` into `target` with CPython's order: leaves left to right, each
        target's object expression evaluated when its turn comes."""
        if isinstance(target, ast.Attribute):
            obj = cast(ast.expr, self.visit(target.value))
            return [locate(ast.Expr(_call(SETATTR, value, obj, self.attr_name(target.attr))), target)]
        if isinstance(target, (ast.Tuple, ast.List)) and self._has_attribute(target):
            temps: list[ast.expr] = []
            later: list[tuple[ast.expr, str]] = []
            for elt in target.elts:
                tmp = self.temp()
                inner = elt.value if isinstance(elt, ast.Starred) else elt
                store = _name(tmp, ast.Store())
                temps.append(
                    ast.Starred(value=store, ctx=ast.Store()) if isinstance(elt, ast.Starred) else store
                )
                later.append((inner, tmp))
            unpack = ast.Assign(targets=[ast.Tuple(elts=temps, ctx=ast.Store())], value=value)
            out: list[ast.stmt] = [locate(unpack, target)]
            for inner, tmp in later:
                out.extend(self._store(inner, _name(tmp)))
            return out
        assign = ast.Assign(targets=[cast(ast.expr, self.visit(target))], value=value)
        return [locate(assign, target)]

    def _temp_target(self, target: ast.expr) -> tuple[ast.expr, list[ast.stmt]]:
        """For loop/with targets: a plain target, plus statements completing attribute stores."""
        if not self._has_attribute(target):
            return cast(ast.expr, self.visit(target)), []
        tmp = self.temp()
        return locate(_name(tmp, ast.Store()), target), self._store(target, _name(tmp))

    def visit_Assign(self, node: ast.Assign) -> Any:
        """`a.b = v` becomes `_m_setattr(v, a, 'b')` (a plain store under `if _m_self:` for a method's
        own `self`); targets holding attributes take the value through temporaries (`_m_t1`, ...),
        then are stored in turn."""
        original = node.value
        node.value = cast(ast.expr, self.visit(node.value))
        if any(isinstance(t, (ast.Tuple, ast.List)) for t in node.targets):
            # `a, b = some_set`: the same in every process
            node.value = self.unpacked_value(original, node.value)
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Attribute):
            t = node.targets[0]
            obj = cast(ast.expr, self.visit(t.value))
            # Argument order keeps CPython's evaluation order: the value first, then the object.
            guarded = locate(ast.Expr(_call(SETATTR, node.value, obj, self.attr_name(t.attr))), node)
            if self._is_fast_self(obj, t.attr):
                # A method storing on its own sandbox instance: a plain store, after one check per call.
                self.fast_stores += 1
                plain = ast.Assign(targets=[t], value=_known_self(node.value))
                return locate(ast.If(test=_name(SELF_FLAG), body=[plain], orelse=[guarded]), node)
            return guarded
        if not any(self._has_attribute(t) for t in node.targets):
            node.targets = [cast(ast.expr, self.visit(t)) for t in node.targets]
            return node
        if len(node.targets) == 1:
            return self._store(node.targets[0], node.value)
        tmp = self.temp()
        out: list[ast.stmt] = [locate(ast.Assign(targets=[_name(tmp, ast.Store())], value=node.value), node)]
        for target in node.targets:
            out.extend(self._store(target, _name(tmp)))
        return out

    def visit_AnnAssign(self, node: ast.AnnAssign) -> Any:
        """`x: T = v` becomes `x = v` and a bare `x: T` disappears (`a.b: T` becomes `pass`); in a
        class body a name's annotation stays, as a string (dataclasses read it)."""
        # Annotations are never evaluated at run time (the seed annotates with names only the type
        # stubs define). In a class body they are kept as strings, as under `from __future__ import
        # annotations`, because dataclasses read them; elsewhere they disappear.
        if self.in_class and isinstance(node.target, ast.Name):
            node.annotation = locate(ast.Constant(ast.unparse(node.annotation)), node.annotation)
            if node.value is not None:
                node.value = cast(ast.expr, self.visit(node.value))
            return node
        if node.value is None:
            if isinstance(node.target, ast.Name):
                return None
            return locate(ast.Pass(), node)
        assign = locate(ast.Assign(targets=[node.target], value=node.value), node)
        return self.visit_Assign(assign)

    def visit_AugAssign(self, node: ast.AugAssign) -> Any:
        """`a.b += v` becomes `_m_t1 = a; _m_t2 = _m_getattr(_m_t1, 'b'); _m_t2 += v;
        _m_setattr(_m_t2, _m_t1, 'b')` (plain under `if _m_self:` for a method's own `self`); other
        targets keep the statement unless `checked_augassign` pre-checks it."""
        node.value = cast(ast.expr, self.visit(node.value))
        checked = self.checked_augassign(node)
        if checked is not None:
            return checked
        if not isinstance(node.target, ast.Attribute):
            node.target = cast(ast.Name | ast.Subscript, self.visit(node.target))
            return node
        t = node.target
        if self._is_fast_self(t.value, t.attr) and self.plain_safe(t.attr):
            self.fast_stores += 1
            plain = ast.AugAssign(target=t, op=node.op, value=node.value)
            guarded = self._guarded_augassign(node, t)
            return locate(ast.If(test=_name(SELF_FLAG), body=[plain], orelse=guarded), node)
        return self._guarded_augassign(node, t)

    def _guarded_augassign(self, node: ast.AugAssign, t: ast.Attribute) -> list[ast.stmt]:
        obj_tmp, val_tmp = self.temp(), self.temp()
        out = [
            ast.Assign(targets=[_name(obj_tmp, ast.Store())], value=cast(ast.expr, self.visit(t.value))),
            ast.Assign(
                targets=[_name(val_tmp, ast.Store())],
                value=_call(GETATTR, _name(obj_tmp), self.attr_name(t.attr)),
            ),
            ast.AugAssign(target=_name(val_tmp, ast.Store()), op=node.op, value=node.value),
            ast.Expr(_call(SETATTR, _name(val_tmp), _name(obj_tmp), self.attr_name(t.attr))),
        ]
        return [locate(s, node) for s in out]

    def visit_Delete(self, node: ast.Delete) -> Any:
        """`del a.b` becomes `_m_delattr(a, 'b')`; other targets stay in plain `del` statements, in order."""
        out: list[ast.stmt] = []
        plain: list[ast.expr] = []
        for target in node.targets:
            if isinstance(target, ast.Attribute):
                if plain:
                    out.append(locate(ast.Delete(targets=plain), node))
                    plain = []
                obj = cast(ast.expr, self.visit(target.value))
                out.append(locate(ast.Expr(_call(DELATTR, obj, self.attr_name(target.attr))), target))
            else:
                plain.append(cast(ast.expr, self.visit(target)))
        if plain:
            out.append(locate(ast.Delete(targets=plain), node))
        return out


def _known_self(value: Any) -> Any:
    """`value` for the branch where `_m_self` is true: its `self.x if _m_self else ...` tests dropped.
    Nodes on the way to a dropped test are shallow copies; the rest is shared with the other branch."""
    if type(value) is ast.IfExp and type(value.test) is ast.Name and value.test.id == SELF_FLAG:
        return _known_self(value.body)
    if not isinstance(value, ast.AST):
        return value
    changed: dict[str, Any] = {}
    for field in child_fields(type(value)):
        old = getattr(value, field, None)
        if type(old) is list:
            new_list = [_known_self(item) for item in old]
            if any(a is not b for a, b in zip(new_list, old, strict=True)):
                changed[field] = new_list
        elif isinstance(old, ast.AST):
            new = _known_self(old)
            if new is not old:
                changed[field] = new
    if not changed:
        return value
    clone = copy.copy(value)
    for field, new in changed.items():
        setattr(clone, field, new)
    return clone
