"""The engines `bench.py` compares: CPython itself, monty, and optional in-process peers.

Each engine turns a `Source` into a `Runner` (`prepare`, the per-source cost: parse, check, compile) and
the runner executes it with a dict of inputs (the per-run cost). Peers whose package is missing report
`unavailable` and are skipped.
"""

from __future__ import annotations

import builtins
import importlib
import importlib.metadata
import operator
import sys
import time
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from textwrap import indent
from typing import Any

Runner = Callable[[Mapping[str, Any]], Any]
External = Callable[..., Any]

SCRIPT_NAME = 'main.py'
RESULT_NAME = 'bench_result'


@dataclass(frozen=True)
class Source:
    """One program in two spellings: ending with an expression statement, or assigning it."""

    expr: str
    assign: str

    @classmethod
    def build(cls, body: str, result: str) -> Source:
        body = body.strip('\n')
        prefix = f'{body}\n' if body else ''
        return cls(expr=f'{prefix}{result}\n', assign=f'{prefix}{RESULT_NAME} = {result}\n')

    @classmethod
    def module(cls, body: str, result: str) -> Source:
        return cls.build(body, result)

    @classmethod
    def function(cls, body: str, result: str, params: Sequence[str] = ('N',)) -> Source:
        args = ', '.join(params)
        inner = indent(f'{body.strip(chr(10))}\nreturn {result}', '    ')
        return cls.build(f'def main({args}):\n{inner}\n\n', f'main({args})')


def discard_print(stream: str, text: str) -> None:
    """A print_callback that drops output."""


def dist_version(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


class Engine:
    key: str = ''
    title: str = ''
    dist: str | None = None
    peer: bool = True
    notes: str = ''

    def __init__(self) -> None:
        self.unavailable: str | None = None
        self.version: str | None = None

    def load(self) -> None:
        """Import the engine; on failure set `unavailable`."""
        try:
            self._load()
        except Exception as exc:
            self.unavailable = f'{type(exc).__name__}: {exc}'
            return
        if self.dist:
            self.version = dist_version(self.dist)

    def _load(self) -> None:
        raise NotImplementedError

    def prepare(
        self, source: Source, inputs: Sequence[str], externals: Mapping[str, External], reuse: bool = False
    ) -> Runner:
        """Do the per-source work (parse, check, compile) and return the per-run callable.

        `reuse=True` lets engines built around a long-lived interpreter object (asteval, smolagents)
        reuse one across sources, as an application would; engines whose per-source object *is* the
        compiled program (CPython code objects, monty.Monty) ignore it.
        """
        raise NotImplementedError


class CPythonEngine(Engine):
    key = 'cpython'
    title = 'CPython'
    peer = False
    notes = 'compile() once, exec() with fresh globals per run'

    def _load(self) -> None:
        self.version = sys.version.split()[0]

    def prepare(
        self, source: Source, inputs: Sequence[str], externals: Mapping[str, External], reuse: bool = False
    ) -> Runner:
        code = compile(source.assign, SCRIPT_NAME, 'exec')
        base: dict[str, Any] = {'__builtins__': builtins, '__name__': '__main__', **externals}

        def run(values: Mapping[str, Any]) -> Any:
            namespace = {**base, **values}
            exec(code, namespace)
            return namespace[RESULT_NAME]

        return run


def import_monty_core() -> Any:
    try:
        return importlib.import_module('monty_core')
    except ImportError:
        # Running from a checkout without `pip install -e .`: use the src layout directly.
        src = Path(__file__).resolve().parent.parent / 'src'
        if (src / 'monty_core').is_dir() and str(src) not in sys.path:
            sys.path.insert(0, str(src))
            return importlib.import_module('monty_core')
        raise


class MontyEngine(Engine):
    key = 'monty'
    title = 'monty'
    dist = 'monty'
    peer = False
    notes = 'Monty(code, ...) once, .run(inputs=...) per run'

    def _load(self) -> None:
        self.module = import_monty_core()
        self.module.Monty('1 + 2').run()

    def prepare(
        self, source: Source, inputs: Sequence[str], externals: Mapping[str, External], reuse: bool = False
    ) -> Runner:
        monty = self.module.Monty(
            source.expr,
            inputs=list(inputs),
            external_functions=list(externals),
            script_name=SCRIPT_NAME,
        )
        functions = dict(externals)

        def run(values: Mapping[str, Any]) -> Any:
            kwargs: dict[str, Any] = {'print_callback': discard_print}
            if values:
                kwargs['inputs'] = dict(values)
            if functions:
                kwargs['external_functions'] = functions
            return monty.run(**kwargs)

        return run


class PydanticMontyEngine(Engine):
    key = 'pydantic_monty'
    title = 'pydantic-monty'
    dist = 'pydantic-monty'
    notes = 'the Rust Monty: Monty(code, ...) once, .run(inputs=...) per run; no classes in 0.0.x'

    def _load(self) -> None:
        self.module = importlib.import_module('pydantic_monty')

    def prepare(
        self, source: Source, inputs: Sequence[str], externals: Mapping[str, External], reuse: bool = False
    ) -> Runner:
        monty = self.module.Monty(
            source.expr,
            inputs=list(inputs),
            external_functions=list(externals),
            script_name=SCRIPT_NAME,
        )
        functions = dict(externals)

        def run(values: Mapping[str, Any]) -> Any:
            kwargs: dict[str, Any] = {'print_callback': discard_print}
            if values:
                kwargs['inputs'] = dict(values)
            if functions:
                kwargs['external_functions'] = functions
            return monty.run(**kwargs)

        return run


def _inplacevar(op: str, x: Any, y: Any) -> Any:
    """RestrictedPython's `_inplacevar_` hook (it ships none): plain in-place operators."""
    return INPLACE_OPS[op](x, y)


INPLACE_OPS: dict[str, Callable[[Any, Any], Any]] = {
    '+=': operator.iadd,
    '-=': operator.isub,
    '*=': operator.imul,
    '/=': operator.itruediv,
    '//=': operator.ifloordiv,
    '%=': operator.imod,
    '**=': operator.ipow,
    '<<=': operator.ilshift,
    '>>=': operator.irshift,
    '&=': operator.iand,
    '|=': operator.ior,
    '^=': operator.ixor,
}

# Pure builtins the programs use that RestrictedPython's `safe_builtins` leaves to the integrator
# (Zope's AccessControl adds guarded versions of the same).
EXTRA_RESTRICTED_BUILTINS = (
    'list', 'tuple', 'dict', 'set', 'frozenset', 'sum', 'min', 'max', 'sorted', 'enumerate', 'zip', 'map',
    'filter', 'any', 'all', 'reversed', 'iter', 'next',
)  # fmt: skip


# Modules the broader programs import. RestrictedPython ships no `__import__`: an integrator supplies one
# (Zope's AccessControl has `guarded_import`); this one allows these modules and nothing else.
RESTRICTED_IMPORTABLE = frozenset({'collections', 'dataclasses', 'json', 'math', 're', 'string'})


def restricted_import(
    name: str,
    globals: Mapping[str, Any] | None = None,
    locals: Mapping[str, Any] | None = None,
    fromlist: Sequence[str] = (),
    level: int = 0,
) -> Any:
    if level != 0 or name not in RESTRICTED_IMPORTABLE:
        raise ImportError(f'import of {name!r} is not allowed')
    return builtins.__import__(name, globals, locals, fromlist, level)


class RestrictedPythonEngine(Engine):
    key = 'restrictedpython'
    title = 'RestrictedPython'
    dist = 'RestrictedPython'
    notes = (
        'compile_restricted once, exec per run; safe_builtins (+ pure builtins, an allow-list '
        '__import__) and its guards (safer_getattr, full_write_guard, guarded unpacking)'
    )

    def _load(self) -> None:
        from RestrictedPython import compile_restricted, safe_builtins
        from RestrictedPython.Eval import default_guarded_getitem, default_guarded_getiter
        from RestrictedPython.Guards import (
            full_write_guard,
            guarded_iter_unpack_sequence,
            guarded_unpack_sequence,
            safer_getattr,
        )

        self.compile_restricted = compile_restricted
        # safe_builtins has the plain `range`; `limited_builtins` would cap ranges at 1000 elements.
        restricted_builtins = dict(safe_builtins)
        for name in EXTRA_RESTRICTED_BUILTINS:
            restricted_builtins[name] = getattr(builtins, name)
        restricted_builtins['__import__'] = restricted_import
        self.base: dict[str, Any] = {
            '__builtins__': restricted_builtins,
            '__name__': 'restricted',
            '__metaclass__': type,
            '_getattr_': safer_getattr,
            '_getitem_': default_guarded_getitem,
            '_getiter_': default_guarded_getiter,
            '_iter_unpack_sequence_': guarded_iter_unpack_sequence,
            '_unpack_sequence_': guarded_unpack_sequence,
            '_write_': full_write_guard,
            '_inplacevar_': _inplacevar,
        }

    def prepare(
        self, source: Source, inputs: Sequence[str], externals: Mapping[str, External], reuse: bool = False
    ) -> Runner:
        with warnings.catch_warnings():
            # It warns about (and then refuses) annotated assignments, as in a dataclass body.
            warnings.simplefilter('ignore', SyntaxWarning)
            code = self.compile_restricted(source.assign, SCRIPT_NAME, 'exec')
        base = {**self.base, **externals}

        def run(values: Mapping[str, Any]) -> Any:
            namespace = {**base, **values}
            exec(code, namespace)
            return namespace[RESULT_NAME]

        return run


class AstevalEngine(Engine):
    key = 'asteval'
    title = 'asteval'
    dist = 'asteval'
    notes = 'one Interpreter reused; parse once, eval(node) per run; no classes, no yield'

    def _load(self) -> None:
        from asteval import Interpreter

        self.interpreter_class = Interpreter
        self.shared: Any = None

    def interpreter(self, reuse: bool) -> Any:
        if not reuse:
            return self.interpreter_class(use_numpy=False)
        if self.shared is None:
            self.shared = self.interpreter_class(use_numpy=False)
        return self.shared

    def prepare(
        self, source: Source, inputs: Sequence[str], externals: Mapping[str, External], reuse: bool = False
    ) -> Runner:
        interp = self.interpreter(reuse)
        node = interp.parse(source.expr)
        for name, function in externals.items():
            interp.symtable[name] = function

        text = source.expr

        def run(values: Mapping[str, Any]) -> Any:
            for name, value in values.items():
                interp.symtable[name] = value
            # What Interpreter.eval() does, minus the parse (done once above).
            interp.error = []
            interp.error_msg = None
            interp.retval = None
            interp.start_time = time.time()
            try:
                result = interp.run(node, expr=text, with_raise=True)
            except Exception as exc:
                # asteval raises with an empty message and keeps the details in `interp.error`.
                details = [e for e in interp.error if e.msg]
                if details:
                    raise details[0].exc(str(details[0].msg)) from exc
                raise
            finally:
                interp.code_text.clear()
            if interp.error:
                raise interp.error[0].exc(str(interp.error[0].msg))
            return result

        return run


class SmolagentsEngine(Engine):
    key = 'smolagents'
    title = 'smolagents'
    dist = 'smolagents'
    notes = 'LocalPythonExecutor (default settings) reused; parses the code on every call'

    def _load(self) -> None:
        from smolagents.local_python_executor import LocalPythonExecutor

        self.executor_class = LocalPythonExecutor
        self.shared: dict[frozenset[str], Any] = {}

    def new_executor(self, externals: Mapping[str, External]) -> Any:
        executor = self.executor_class(additional_authorized_imports=[])
        executor.send_tools(dict(externals))
        return executor

    def executor(self, externals: Mapping[str, External], reuse: bool) -> Any:
        if not reuse:
            return self.new_executor(externals)
        key = frozenset(externals)
        if key not in self.shared:
            self.shared[key] = self.new_executor(externals)
        return self.shared[key]

    def prepare(
        self, source: Source, inputs: Sequence[str], externals: Mapping[str, External], reuse: bool = False
    ) -> Runner:
        executor = self.executor(externals, reuse)
        code = source.expr

        def run(values: Mapping[str, Any]) -> Any:
            if values:
                executor.send_variables(dict(values))
            return executor(code).output

        return run


ENGINE_CLASSES: tuple[type[Engine], ...] = (
    CPythonEngine,
    MontyEngine,
    PydanticMontyEngine,
    RestrictedPythonEngine,
    AstevalEngine,
    SmolagentsEngine,
)
