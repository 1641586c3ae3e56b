"""Agent-level tests of `CodeModeToolset` with a scripted `FunctionModel` (never a real LLM)."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime
import time
import warnings
from typing import Any

import pytest
from pydantic import BaseModel
from pydantic_ai import Agent, ModelRetry, RunContext, Tool, ToolReturn
from pydantic_ai.capabilities import HandleDeferredToolCalls
from pydantic_ai.exceptions import UsageLimitExceeded, UserError
from pydantic_ai.messages import ToolReturnPart
from pydantic_ai.tools import DeferredToolRequests, DeferredToolResults, ToolDenied
from pydantic_ai.toolsets import CombinedToolset
from pydantic_ai.toolsets.function import FunctionToolset
from pydantic_ai.usage import UsageLimits
from typing_extensions import TypedDict

from monty_codemode import CodeMode, CodeModeReturnSchemaWarning, CodeModeToolset, RunCodeCallPart

from .conftest import Script, code


class Weather(TypedDict):
    city: str
    temp_c: float


def weather_tools(log: list[str] | None = None) -> FunctionToolset[Any]:
    log = log if log is not None else []
    ts: FunctionToolset[Any] = FunctionToolset()

    @ts.tool_plain
    def get_weather(city: str) -> Weather:
        """Get the weather for a city."""
        log.append(f'weather:{city}')
        return {'city': city, 'temp_c': 18.5}

    @ts.tool_plain
    def get_population(city: str) -> int:
        """Get the population of a city."""
        log.append(f'population:{city}')
        return {'london': 9_000_000, 'paris': 2_100_000}.get(city.lower(), 0)

    return ts


def run(script: Script, toolset: Any, **kwargs: Any) -> Any:
    agent = Agent(script.model, toolsets=[toolset])
    return agent.run_sync('go', **kwargs)


# -- the tool the model sees --------------------------------------------------------------------------


def test_description_has_rules_and_typed_stubs() -> None:
    script = Script([code('1')])
    run(script, CodeModeToolset(weather_tools()))
    tools = script.tools_seen[0]
    assert set(tools) == {'run_code'}  # both tools went into the sandbox
    desc = script.description
    assert 'class Weather(TypedDict):' in desc
    assert 'async def get_weather(*, city: str) -> Weather:' in desc
    assert '"""Get the weather for a city."""' in desc
    assert 'async def get_population(*, city: str) -> int:' in desc
    for rule in ('await', 'asyncio.gather', 'last expression', 'print()', 'persist', 'restart', '`asyncio`'):
        assert rule in desc, rule
    td = tools['run_code']
    assert td.metadata == {'code_arg_name': 'code', 'code_arg_language': 'python'}
    assert td.parameters_json_schema['required'] == ['code']
    assert 'restart' in td.parameters_json_schema['properties']


def test_seed_shape_gathered_calls_and_prints() -> None:
    log: list[str] = []
    script = Script(
        [
            code(
                'import asyncio\n'
                "cities = ['London', 'Paris']\n"
                'weather = await asyncio.gather(*[get_weather(city=c) for c in cities])\n'
                'pops = await asyncio.gather(*[get_population(city=c) for c in cities])\n'
                "print('fetched', len(weather))\n"
                "{c: {'t': w['temp_c'], 'p': p} for c, w, p in zip(cities, weather, pops)}\n"
            )
        ]
    )
    run(script, CodeModeToolset(weather_tools(log)))
    assert sorted(log) == ['population:London', 'population:Paris', 'weather:London', 'weather:Paris']
    part = script.returns[0]
    assert isinstance(part, ToolReturnPart)
    assert part.content == {
        'output': 'fetched 2\n',
        'result': {'London': {'t': 18.5, 'p': 9_000_000}, 'Paris': {'t': 18.5, 'p': 2_100_000}},
    }


@pytest.mark.parametrize(
    ('snippet', 'expected'),
    [
        ('x = 1', {}),
        ("print('hi')", {'output': 'hi\n'}),
        ('(1, {2}, b"x", float("nan"))', [1, [2], 'x', 'nan']),
        ("print('a')\n{1: 'one'}", {'output': 'a\n', 'result': {'1': 'one'}}),
    ],
)
def test_result_shapes(snippet: str, expected: Any) -> None:
    script = Script([code(snippet)])
    run(script, CodeModeToolset(weather_tools()))
    part = script.returns[0]
    assert isinstance(part, ToolReturnPart) and part.outcome == 'success'
    assert part.content == expected


def test_unselected_tools_stay_native() -> None:
    ts = weather_tools()
    tagged = CombinedToolset(
        [
            ts.filtered(lambda ctx, td: td.name == 'get_weather').with_metadata(sandbox=True),
            ts.filtered(lambda ctx, td: td.name != 'get_weather'),
        ]
    )
    cases: list[tuple[Any, Any]] = [
        (['get_weather'], ts),
        (lambda ctx, td: td.name == 'get_weather', ts),
        ({'sandbox': True}, tagged),
    ]
    for selector, toolset in cases:
        script = Script([code("await get_weather(city='x')"), code("await get_population(city='x')")])
        run(script, CodeModeToolset(toolset, tool_selector=selector))
        assert set(script.tools_seen[0]) == {'run_code', 'get_population'}, selector
        assert 'get_weather' in script.description and 'get_population' not in script.description
        assert script.outcome(0) == 'success'
        assert 'get_population' in script.text(1)  # not a sandbox function: the type check says so


def test_capability_wraps_agent_tools() -> None:
    script = Script([code("(await get_weather(city='Rome'))['city']")])
    agent = Agent(script.model, capabilities=[CodeMode(tools=['get_weather'])])

    @agent.tool_plain
    def get_weather(city: str) -> Weather:
        """Weather."""
        return {'city': city, 'temp_c': 1.0}

    @agent.tool_plain
    def ask_user(question: str) -> str:
        """Ask the user."""
        return 'yes'

    agent.run_sync('go')
    assert set(script.tools_seen[0]) == {'run_code', 'ask_user'}
    assert script.text(0) == 'Rome'


def test_missing_return_schema_is_any_and_warns_once() -> None:
    ts: FunctionToolset[Any] = FunctionToolset()

    def untyped(x: int):  # no return annotation
        """Untyped."""
        return x

    ts.add_function(untyped)
    toolset = CodeModeToolset(ts)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        script = Script([code('await untyped(x=1)'), code('await untyped(x=2)')])
        run(script, toolset)
        run(Script([code('1')]), toolset)
    assert 'async def untyped(*, x: int) -> Any:' in script.description
    relevant = [w for w in caught if issubclass(w.category, CodeModeReturnSchemaWarning)]
    assert len(relevant) == 1 and 'untyped' in str(relevant[0].message)


def test_run_code_name_conflict() -> None:
    ts: FunctionToolset[Any] = FunctionToolset()

    @ts.tool_plain
    def run_code(x: int) -> int:
        return x

    with pytest.raises(UserError, match='run_code'):
        run(Script([code('1')]), CodeModeToolset(ts))


# -- concurrency ---------------------------------------------------------------------------------------


def test_gathered_calls_overlap() -> None:
    spans: list[tuple[str, float, float]] = []
    ts: FunctionToolset[Any] = FunctionToolset()

    @ts.tool_plain
    async def slow(name: str) -> str:
        """Slow."""
        t0 = time.perf_counter()
        await asyncio.sleep(0.2)
        spans.append((name, t0, time.perf_counter()))
        return name

    script = Script(
        [code("import asyncio\nawait asyncio.gather(slow(name='a'), slow(name='b'), slow(name='c'))")]
    )
    run(script, CodeModeToolset(ts))
    assert script.text(0) == '["a","b","c"]'
    assert len(spans) == 3
    assert max(s for _, s, _ in spans) < min(e for _, _, e in spans)  # all started before any ended


def test_sequential_execution_mode_runs_one_at_a_time() -> None:
    from pydantic_ai.tool_manager import ToolManager

    spans: list[tuple[float, float]] = []
    ts: FunctionToolset[Any] = FunctionToolset()

    @ts.tool_plain
    async def slow(name: str) -> str:
        """Slow."""
        t0 = time.perf_counter()
        await asyncio.sleep(0.05)
        spans.append((t0, time.perf_counter()))
        return name

    script = Script(
        [code("import asyncio\nawait asyncio.gather(slow(name='a'), slow(name='b'), slow(name='c'))")]
    )
    with ToolManager.parallel_execution_mode('sequential'):
        run(script, CodeModeToolset(ts))
    assert script.text(0) == '["a","b","c"]'
    spans.sort()
    assert all(spans[i][1] <= spans[i + 1][0] for i in range(2))


def test_sequential_tool_is_a_plain_def_and_runs_alone() -> None:
    ts: FunctionToolset[Any] = FunctionToolset()
    order: list[str] = []

    @ts.tool_plain(sequential=True)
    def commit(msg: str) -> str:
        """Commit."""
        order.append(f'commit:{msg}')
        return 'ok'

    @ts.tool_plain
    async def fetch(n: int) -> int:
        """Fetch."""
        await asyncio.sleep(0.01)
        order.append(f'fetch:{n}')
        return n

    script = Script([code("a = await fetch(n=1)\nr = commit(msg='x')\n[a, r]")])
    run(script, CodeModeToolset(ts))
    assert 'def commit(*, msg: str) -> str:' in script.description
    assert 'async def commit' not in script.description
    assert script.text(0) == '[1,"ok"]'
    assert order == ['fetch:1', 'commit:x']


# -- errors become retries ----------------------------------------------------------------------------


def test_type_error_retries_without_running_anything() -> None:
    log: list[str] = []
    script = Script(
        [
            code("w = await get_weather(city='Oslo')\nbad = await get_weather(city=42)\nw['temp_c']"),
            code("w = await get_weather(city='Oslo')\nw['temp_c']"),
        ]
    )
    run(script, CodeModeToolset(weather_tools(log)))
    retry = script.text(0)
    assert script.outcome(0) == 'retried'
    assert 'not run' in retry and 'type check' in retry
    assert 'run_code.py:2:' in retry
    assert 'bad = await get_weather(city=42)' in retry
    assert 'Expected `str`' in retry
    assert log == ['weather:Oslo']  # only the corrected snippet ran
    assert script.text(1) == '18.5'


def test_unawaited_call_is_a_type_error() -> None:
    script = Script([code("get_weather(city='x')")])
    run(script, CodeModeToolset(weather_tools()))
    assert 'not awaited' in script.text(0)


def test_syntax_error_retry() -> None:
    script = Script([code('x = (1,\n')])
    run(script, CodeModeToolset(weather_tools(), type_check=False))
    assert 'not valid' in script.text(0) and 'SyntaxError' in script.text(0)


def test_runtime_error_retry_has_traceback_prints_and_calls() -> None:
    script = Script(
        [
            code(
                "print('step 1')\n"
                "w = await get_weather(city='Oslo')\n"
                "print('got', w['city'])\n"
                'def ratio(a, b):\n'
                '    return a / b\n'
                'ratio(1, 0)\n'
            ),
            code("w['city']"),  # the REPL kept what ran before the error
        ]
    )
    run(script, CodeModeToolset(weather_tools()))
    text = script.text(0)
    assert script.outcome(0) == 'retried'
    assert 'step 1\ngot Oslo' in text
    assert text.index('step 1') < text.index('Traceback')
    assert 'File "run_code.py", line 6, in <module>' in text
    assert 'File "run_code.py", line 5, in ratio' in text
    assert 'ZeroDivisionError: division by zero' in text
    assert "get_weather(city='Oslo') returned" in text
    assert script.text(1) == 'Oslo'


def test_nested_model_retry_is_catchable_in_code() -> None:
    ts: FunctionToolset[Any] = FunctionToolset()

    @ts.tool_plain
    def lookup(key: str) -> str:
        """Lookup."""
        if key != 'ok':
            raise ModelRetry(f'unknown key {key!r}, try "ok"')
        return 'found'

    script = Script(
        [
            code(
                'try:\n'
                "    r = await lookup(key='nope')\n"
                'except ValueError as e:\n'
                "    r = 'caught: ' + str(e)\n"
                "[r, await lookup(key='ok')]"
            ),
            code("await lookup(key='again')"),
        ]
    )
    run(script, CodeModeToolset(ts))
    assert script.text(0) == '["caught: lookup(): unknown key \'nope\', try \\"ok\\"","found"]'
    uncaught = script.text(1)
    assert script.outcome(1) == 'retried'
    assert "ValueError: lookup(): unknown key 'again'" in uncaught


def test_nested_validation_error_is_a_value_error() -> None:
    script = Script(
        [
            code(
                'try:\n'
                "    await get_population(city=['not', 'a', 'string'])\n"
                'except ValueError as e:\n'
                '    msg = str(e)\n'
                'msg'
            )
        ]
    )
    run(script, CodeModeToolset(weather_tools(), type_check=False))
    assert 'get_population(): invalid arguments: city:' in script.text(0)


def test_unexpected_and_positional_arguments_are_type_errors() -> None:
    script = Script(
        [
            code(
                'out = []\n'
                "for call in (lambda: get_weather('x'), lambda: get_weather(town='x')):\n"
                '    try:\n'
                '        await call()\n'
                '    except TypeError as e:\n'
                '        out.append(str(e))\n'
                'out'
            )
        ]
    )
    run(script, CodeModeToolset(weather_tools(), type_check=False))
    text = script.text(0)
    assert 'keyword arguments only' in text and "unexpected keyword argument 'town'" in text


def test_other_tool_exceptions_keep_their_type() -> None:
    ts: FunctionToolset[Any] = FunctionToolset()

    @ts.tool_plain
    def get_item(key: str) -> int:
        """Item."""
        raise KeyError(key)

    script = Script(
        [code("try:\n    await get_item(key='k')\nexcept KeyError as e:\n    r = 'missing ' + str(e)\nr")]
    )
    run(script, CodeModeToolset(ts))
    assert script.text(0) == "missing 'k'"


def test_result_that_cannot_leave_the_sandbox() -> None:
    script = Script([code("print('x')\ndef f():\n    pass\nf")])
    run(script, CodeModeToolset(weather_tools()))
    text = script.text(0)
    assert 'cannot be returned' in text and 'Printed output:\nx' in text


def test_time_limit() -> None:
    script = Script([code('n = 0\nwhile True:\n    n += 1'), code('n > 0')])
    t0 = time.perf_counter()
    run(script, CodeModeToolset(weather_tools(), resource_limits={'max_duration_secs': 0.2}))
    assert time.perf_counter() - t0 < 5
    assert script.outcome(0) == 'retried'
    assert 'TimeoutError: execution time limit exceeded' in script.text(0)
    assert script.text(1) == 'true'


# -- state --------------------------------------------------------------------------------------------


def test_repl_state_persists_and_restart_resets_it() -> None:
    script = Script(
        [
            code('import asyncio\nbase = 40\ndef add(x):\n    return base + x'),
            code('add(2)'),
            code('add(3)', restart=True),
            code('base = 1\nbase'),
        ]
    )
    toolset = CodeModeToolset(weather_tools())
    run(script, toolset)
    assert script.text(0) == '{}'
    assert script.text(1) == '42'
    assert script.outcome(2) == 'retried'
    assert 'add' in script.text(2)  # type check: unresolved reference after the restart
    assert script.text(3) == '1'

    # A new agent run starts from a clean sandbox.
    again = Script([code('base')])
    run(again, toolset)
    assert again.outcome(0) == 'retried'


def test_state_persists_without_type_check_and_name_error_after_restart() -> None:
    script = Script([code('x = 41'), code('x + 1'), code('x', restart=True)])
    run(script, CodeModeToolset(weather_tools(), type_check=False))
    assert script.text(1) == '42'
    assert "NameError: name 'x' is not defined" in script.text(2)


# -- limits -------------------------------------------------------------------------------------------


def test_max_tool_calls() -> None:
    log: list[str] = []
    script = Script(
        [
            code("for c in ['a', 'b', 'c', 'd']:\n    await get_weather(city=c)"),
            code(
                'got = []\n'
                'try:\n'
                "    for c in ['a', 'b', 'c', 'd']:\n"
                '        got.append((await get_weather(city=c))["city"])\n'
                'except RuntimeError as e:\n'
                '    got.append(str(e)[:40])\n'
                'got'
            ),
        ]
    )
    run(script, CodeModeToolset(weather_tools(log), max_tool_calls=3))
    text = script.text(0)
    assert 'max_tool_calls=3' in text and 'would be number 4' in text and 'get_weather (x3)' in text
    assert "get_weather(city='c') returned" in text
    assert script.text(1) == '["a","b","c","run_code allows at most 3 tool calls per"]'
    assert len(log) == 6


def test_usage_limit_counts_nested_calls() -> None:
    log: list[str] = []
    script = Script([code("import asyncio\nawait asyncio.gather(*[get_weather(city=c) for c in 'abcd'])")])
    with pytest.raises(UsageLimitExceeded):
        run(script, CodeModeToolset(weather_tools(log)), usage_limits=UsageLimits(tool_calls_limit=3))
    assert log == []  # refused while scheduling: nothing ran


def test_usage_counts_nested_and_run_code() -> None:
    script = Script([code("import asyncio\nawait asyncio.gather(*[get_weather(city=c) for c in 'ab'])")])
    result = run(script, CodeModeToolset(weather_tools()))
    assert result.usage.tool_calls == 3


def test_bad_configuration() -> None:
    with pytest.raises(UserError, match='max_tool_calls'):
        CodeModeToolset(weather_tools(), max_tool_calls=0)
    with pytest.raises(UserError, match='unknown resource limit'):
        CodeModeToolset(weather_tools(), resource_limits={'max_seconds': 1})  # type: ignore[typeddict-unknown-key]
    assert CodeModeToolset(weather_tools(), resource_limits='unlimited').limits == {
        'max_duration_secs': None,
        'max_memory': None,
    }


# -- results crossing the boundary --------------------------------------------------------------------


class Address(BaseModel):
    street: str
    city: str


class Person(BaseModel):
    name: str
    born: datetime.date
    address: Address


@dataclasses.dataclass
class Point:
    x: int
    y: int


def test_pydantic_and_dataclass_results_arrive_as_plain_data() -> None:
    ts: FunctionToolset[Any] = FunctionToolset()

    @ts.tool_plain
    def get_person(name: str) -> Person:
        """A person."""
        return Person(name=name, born=datetime.date(1990, 5, 17), address=Address(street='Main', city='Oslo'))

    @ts.tool_plain
    def get_points() -> list[Point]:
        """Points."""
        return [Point(1, 2), Point(3, 4)]

    script = Script(
        [
            code(
                "p = await get_person(name='Ada')\n"
                'pts = await get_points()\n'
                "[type(p).__name__, p['address']['city'], p['born'], sum(q['x'] + q['y'] for q in pts)]"
            )
        ]
    )
    run(script, CodeModeToolset(ts))
    assert 'class Person(TypedDict):' in script.description
    assert 'born: str' in script.description
    assert 'async def get_points() -> list[Point]:' in script.description
    assert script.text(0) == '["dict","Oslo","1990-05-17",10]'


def test_tool_return_content_and_metadata() -> None:
    ts: FunctionToolset[Any] = FunctionToolset()

    @ts.tool_plain
    def shot(name: str) -> ToolReturn[str]:
        """Screenshot."""
        return ToolReturn(return_value=f'shot {name}', content=f'picture of {name}', metadata={'k': 1})

    script = Script([code("await shot(name='a')")])
    result = run(script, CodeModeToolset(ts))
    assert script.text(0) == 'shot a'
    messages = result.all_messages()
    texts = [p.content for m in messages for p in m.parts if type(p).__name__ == 'UserPromptPart']
    assert any('picture of a' in str(t) for t in texts)
    part = script.returns[0]
    assert isinstance(part, ToolReturnPart)
    assert part.metadata['tool_returns']['rc1-1'].metadata == {'k': 1}


def test_return_metadata_lists_nested_calls() -> None:
    script = Script(
        [code("import asyncio\nawait asyncio.gather(get_weather(city='a'), get_population(city='b'))")]
    )
    result = run(script, CodeModeToolset(weather_tools()))
    part = script.returns[0]
    assert isinstance(part, ToolReturnPart)
    meta = part.metadata
    assert meta['code_mode'] is True
    assert [p.tool_name for p in meta['tool_calls'].values()] == ['get_weather', 'get_population']
    assert [p.args for p in meta['tool_calls'].values()] == [{'city': 'a'}, {'city': 'b'}]
    assert [p.content for p in meta['tool_returns'].values()] == [{'city': 'a', 'temp_c': 18.5}, 0]
    assert meta['stats']['host_calls'] == 2
    assert [c['status'] for c in meta['calls']] == ['returned', 'returned']
    # The run_code call part is typed.
    calls = [p for m in result.all_messages() for p in m.parts if isinstance(p, RunCodeCallPart)]
    assert calls and calls[0].code is not None and 'gather' in calls[0].code


def test_never_awaited_call_does_not_run() -> None:
    log: list[str] = []
    script = Script([code("t = get_weather(city='never')\nawait get_population(city='x')")])
    run(script, CodeModeToolset(weather_tools(log), type_check=False))
    assert log == ['population:x']
    part = script.returns[0]
    assert isinstance(part, ToolReturnPart)
    assert [c['status'] for c in part.metadata['calls']] == ['not_run', 'returned']


# -- renamed parameters -------------------------------------------------------------------------------


@pytest.mark.filterwarnings('ignore::monty_codemode.CodeModeReturnSchemaWarning')
def test_renamed_parameters_are_mapped_back() -> None:
    received: list[dict[str, Any]] = []

    def transfer(**kwargs: Any) -> str:
        received.append(kwargs)
        return 'done'

    schema = {
        'type': 'object',
        'properties': {
            'from': {'type': 'string'},
            'user-id': {'type': 'integer'},
            'class': {'type': 'string'},
        },
        'required': ['from', 'user-id'],
        'additionalProperties': False,
    }
    tool = Tool.from_schema(transfer, name='bank-transfer', description='Move money.', json_schema=schema)
    ts: FunctionToolset[Any] = FunctionToolset([tool])
    script = Script([code("await bank_transfer(from_='acct-1', user_id=7, class_='gold')")])
    run(script, CodeModeToolset(ts))
    assert (
        'async def bank_transfer(*, from_: str, user_id: int, class_: str | None = None)'
        in script.description
    )
    assert script.text(0) == 'done'
    assert received == [{'from': 'acct-1', 'user-id': 7, 'class': 'gold'}]


# -- approval and deferral ----------------------------------------------------------------------------


def test_approval_required_tool_goes_through_the_handler() -> None:
    ts: FunctionToolset[Any] = FunctionToolset()

    @ts.tool_plain(requires_approval=True)
    def delete(path: str) -> str:
        """Delete a file."""
        return f'deleted {path}'

    def handler(ctx: RunContext[Any], requests: DeferredToolRequests) -> DeferredToolResults:
        return requests.build_results(
            approvals={
                c.tool_call_id: (c.args_as_dict()['path'] == 'ok' or ToolDenied('not allowed'))
                for c in requests.approvals
            }
        )

    script = Script(
        [
            code(
                "out = [await delete(path='ok')]\n"
                'try:\n'
                "    await delete(path='secret')\n"
                'except PermissionError as e:\n'
                '    out.append(str(e))\n'
                'out'
            )
        ]
    )
    agent = Agent(
        script.model, toolsets=[CodeModeToolset(ts)], capabilities=[HandleDeferredToolCalls(handler=handler)]
    )
    agent.run_sync('go')
    assert script.text(0) == '["deleted ok","delete() was denied: not allowed"]'


def test_approval_without_handler_is_a_runtime_error_in_code() -> None:
    ts: FunctionToolset[Any] = FunctionToolset()

    @ts.tool_plain(requires_approval=True)
    def delete(path: str) -> str:
        """Delete a file."""
        return 'deleted'

    script = Script([code("await delete(path='x')")])
    run(script, CodeModeToolset(ts))
    assert 'RuntimeError: delete() needs approval' in script.text(0)


# -- runs, history, cancellation -----------------------------------------------------------------------


@pytest.mark.anyio
async def test_concurrent_runs_have_separate_sandboxes() -> None:
    toolset = CodeModeToolset(weather_tools())

    async def one(value: int) -> str:
        script = Script([code(f'import asyncio\nx = {value}\nawait asyncio.sleep(0.02)'), code('x')])
        await Agent(script.model, toolsets=[toolset]).run('go')
        return script.text(1)

    assert await asyncio.gather(one(1), one(2), one(3)) == ['1', '2', '3']


def test_message_history_with_metadata_round_trips() -> None:
    from pydantic_ai.messages import ModelMessagesTypeAdapter

    script = Script([code("await get_weather(city='a')")])
    result = run(script, CodeModeToolset(weather_tools()))
    data = ModelMessagesTypeAdapter.dump_json(result.all_messages())
    restored = ModelMessagesTypeAdapter.validate_json(data)
    parts = [p for m in restored for p in m.parts if isinstance(p, ToolReturnPart)]
    assert parts[0].metadata['tool_calls']['rc1-1']['args'] == {'city': 'a'}


@pytest.mark.anyio
async def test_cancelling_the_run_cancels_nested_calls() -> None:
    events: list[str] = []
    ts: FunctionToolset[Any] = FunctionToolset()

    @ts.tool_plain
    async def slow(n: int) -> int:
        """Slow."""
        events.append(f'start {n}')
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            events.append(f'cancelled {n}')
            raise
        return n

    script = Script([code('import asyncio\nawait asyncio.gather(slow(n=1), slow(n=2))')])
    task = asyncio.create_task(Agent(script.model, toolsets=[CodeModeToolset(ts)]).run('go'))
    while len(events) < 2:
        await asyncio.sleep(0.01)
    t0 = time.perf_counter()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert time.perf_counter() - t0 < 1
    assert sorted(events) == ['cancelled 1', 'cancelled 2', 'start 1', 'start 2']


def test_capability_warns_once_across_runs() -> None:
    capability = CodeMode()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        for _ in range(3):
            agent = Agent(Script([code('1')]).model, capabilities=[capability])

            @agent.tool_plain
            def untyped(x: int):  # no return annotation
                """Untyped."""
                return x

            agent.run_sync('go')
    assert len([w for w in caught if issubclass(w.category, CodeModeReturnSchemaWarning)]) == 1


def test_failed_gather_is_catchable() -> None:
    ts: FunctionToolset[Any] = FunctionToolset()

    @ts.tool_plain
    async def slow() -> int:
        """Slow."""
        await asyncio.sleep(0.1)
        return 1

    @ts.tool_plain
    async def fail() -> int:
        """Fail."""
        raise ModelRetry('nope')

    script = Script(
        [
            code(
                'import asyncio\ntry:\n    await asyncio.gather(slow(), fail())\nexcept ValueError as e:\n    r = str(e)\nr'
            )
        ]
    )
    run(script, CodeModeToolset(ts))
    assert script.text(0) == 'fail(): nope'
    part = script.returns[0]
    assert isinstance(part, ToolReturnPart)
    # monty's gather lets its other awaitables finish before raising the first error.
    assert [c['status'] for c in part.metadata['calls']] == ['returned', 'failed']
