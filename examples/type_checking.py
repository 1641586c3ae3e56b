"""Type checking: find the model's mistakes with ty before any code runs.

Part 1 checks code against hand-written stubs with `monty_core`. Part 2 shows what code mode does: it
builds the stubs from Pydantic AI tool definitions (the same text the model reads in `run_code`'s
description) and checks each snippet against them.

    python examples/type_checking.py
"""

from __future__ import annotations

from typing import Any

from pydantic_ai.tools import ToolDefinition

import monty_core
from monty_codemode import build_catalog
from monty_core.typecheck import type_check

STUBS = """
from typing import TypedDict

class User(TypedDict):
    id: int
    name: str

async def get_user(*, id: int) -> User: ...

user_ids: list[int]
"""

BAD = """
import asyncio
users = await asyncio.gather(*[get_user(id=str(i)) for i in user_ids])
names = [u['nmae'] for u in users]
get_user(id=1)
"""

GOOD = """
import asyncio
users = await asyncio.gather(*[get_user(id=i) for i in user_ids])
[u['name'] for u in users]
"""


def part1() -> None:
    print('== part 1: monty_core type checking against hand-written stubs')
    try:
        monty_core.Monty(
            BAD,
            inputs=['user_ids'],
            external_functions=['get_user'],
            script_name='agent.py',
            type_check=True,
            type_check_stubs=STUBS,
        )
    except monty_core.MontyTypingError as e:
        print(e.display('full'))
        rules = [d.rule for d in e.errors]
        print('rules:', rules)
        assert rules == ['invalid-argument-type', 'invalid-typed-dict-key', 'unused-awaitable'], rules
    else:  # pragma: no cover
        raise AssertionError('the bad code type-checked')

    m = monty_core.Monty(
        GOOD, inputs=['user_ids'], external_functions=['get_user'], type_check=True, type_check_stubs=STUBS
    )

    async def get_user(*, id: int) -> dict[str, Any]:
        return {'id': id, 'name': f'user{id}'}

    result = m.run(inputs={'user_ids': [1, 2]}, external_functions={'get_user': get_user})
    print('good code ran:', result)
    assert result == ['user1', 'user2']


def part2() -> None:
    print('\n== part 2: code mode builds the stubs from tool definitions')
    tools = [
        ToolDefinition(
            name='search-orders',
            description='Search orders by customer.',
            parameters_json_schema={
                'type': 'object',
                'properties': {'customer': {'type': 'string'}, 'from': {'type': 'string', 'format': 'date'}},
                'required': ['customer'],
            },
            return_schema={
                'type': 'array',
                'items': {
                    'type': 'object',
                    'title': 'Order',
                    'properties': {'id': {'type': 'integer'}, 'total': {'type': 'number'}},
                    'required': ['id', 'total'],
                },
            },
        )
    ]
    catalog = build_catalog(tools)
    print(catalog.catalog())
    fn = catalog.functions['search_orders']
    print(f'(the sandbox calls {fn.name}(); arguments map back to the real names: {dict(fn.parameters)})')
    snippet = "orders = await search_orders(customer='ada', from_='2024-01-01')\nsum(o['total'] for o in orders) + 'x'"
    diagnostics = [d for d in type_check(snippet, stubs=catalog.stubs()) if d.is_error]
    for d in diagnostics:
        print(d.render('run_code.py', 'concise'))
    assert [d.rule for d in diagnostics] == ['unsupported-operator'], diagnostics
    assert fn.tool_args((), {'customer': 'ada', 'from_': '2024-01-01'}) == {
        'customer': 'ada',
        'from': '2024-01-01',
    }
    print('OK')


if __name__ == '__main__':
    part1()
    part2()
