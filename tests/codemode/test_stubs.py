"""Stubs, name mapping and value conversion, without an agent."""

from __future__ import annotations

import datetime
import enum
import warnings
from typing import Any

import pytest
from pydantic import BaseModel
from pydantic_ai.tools import ToolDefinition

from monty_codemode import build_catalog
from monty_codemode.results import preview, shape_result, to_json_value, to_sandbox_value
from monty_codemode.stubs import python_name
from monty_core.typecheck import check_stubs, type_check


def td(name: str, props: dict[str, Any], required: list[str] | None = None, **kw: Any) -> ToolDefinition:
    schema: dict[str, Any] = {'type': 'object', 'properties': props, 'required': required or list(props)}
    if 'additionalProperties' in kw:
        schema['additionalProperties'] = kw.pop('additionalProperties')
    return ToolDefinition(name=name, parameters_json_schema=schema, **kw)


@pytest.mark.parametrize(
    ('tool', 'expected'),
    [
        ('get_weather', 'get_weather'),
        ('get-weather', 'get_weather'),
        ('api.call', 'api_call'),
        ('3d', 'tool_3d'),
        ('_private', 'tool_private'),
        ('class', 'class_'),
        ('match', 'match_'),
        ('print', 'print_tool'),
        ('asyncio', 'asyncio_tool'),
    ],
)
def test_python_name(tool: str, expected: str) -> None:
    assert python_name(tool) == expected


def test_argument_mapping_and_errors() -> None:
    catalog = build_catalog(
        [
            td(
                'send',
                {'from': {'type': 'string'}, 'user-id': {'type': 'integer'}, 'to': {'type': 'string'}},
                additionalProperties=False,
            )
        ]
    )
    fn = catalog.functions['send']
    assert dict(fn.parameters) == {'from_': 'from', 'user_id': 'user-id', 'to': 'to'}
    assert fn.tool_args((), {'from_': 'a', 'user_id': 1, 'to': 'b'}) == {'from': 'a', 'user-id': 1, 'to': 'b'}
    assert fn.tool_args((), {'user-id': 1}) == {'user-id': 1}  # the real name works too
    with pytest.raises(TypeError, match='keyword arguments only'):
        fn.tool_args(('a',), {})
    with pytest.raises(TypeError, match="unexpected keyword argument 'x'"):
        fn.tool_args((), {'x': 1})
    with pytest.raises(TypeError, match='multiple values'):
        fn.tool_args((), {'user_id': 1, 'user-id': 2})
    assert fn.argument_name('user-id') == 'user_id'


def test_additional_properties_pass_through() -> None:
    schema = {'type': 'object', 'properties': {'q': {'type': 'string'}}, 'additionalProperties': True}
    fn = build_catalog([ToolDefinition(name='search', parameters_json_schema=schema)]).functions['search']
    assert fn.tool_args((), {'q': 'x', 'extra': 1}) == {'q': 'x', 'extra': 1}


def test_name_collisions_keep_the_first() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        catalog = build_catalog([td('get-x', {}), td('get_x', {})])
    assert list(catalog.functions) == ['get_x']
    assert catalog.functions['get_x'].tool_name == 'get-x'
    assert any('both become' in str(w.message) for w in caught)


def test_conflicting_type_names_and_stub_validity() -> None:
    addr_a = {
        'type': 'object',
        'title': 'Address',
        'properties': {'street': {'type': 'string'}},
        'required': ['street'],
    }
    addr_b = {
        'type': 'object',
        'title': 'Address',
        'properties': {'zip': {'type': 'integer'}, 'from': {'type': 'string'}},
        'required': ['zip'],
    }
    catalog = build_catalog(
        [
            td('get-home', {'id': {'type': 'integer'}}, return_schema=addr_a, description='Home.'),
            td('get_office', {'id': {'type': 'integer'}}, return_schema=addr_b, description='Office.'),
        ]
    )
    stubs = catalog.stubs()
    assert 'async def get_home(*, id: int) -> get_home_Address:' in stubs
    assert 'async def get_office(*, id: int) -> get_office_Address:' in stubs
    assert "get_office_Address = TypedDict('get_office_Address'" in stubs  # `from` is a keyword
    assert [d for d in check_stubs(stubs) if d.is_error] == []
    ok = "a = await get_home(id=1)\nb = await get_office(id=2)\n[a['street'], b['zip'], b.get('from')]"
    assert [d for d in type_check(ok, stubs=stubs) if d.is_error] == []
    bad = "a = await get_home(id=1)\na['zip']"
    assert [d.rule for d in type_check(bad, stubs=stubs) if d.is_error] == ['invalid-typed-dict-key']


class Color(enum.Enum):
    RED = 'red'


class Item(BaseModel):
    name: str
    when: datetime.datetime
    color: Color
    tags: set[str]


def test_to_sandbox_value() -> None:
    item = Item(name='a', when=datetime.datetime(2024, 1, 2, 3, 4, 5), color=Color.RED, tags={'y', 'x'})
    value = to_sandbox_value(item)
    assert sorted(value.pop('tags')) == ['x', 'y']
    assert value == {'name': 'a', 'when': '2024-01-02T03:04:05', 'color': 'red'}
    assert to_sandbox_value((1, b'raw', {2: None})) == [1, b'raw', {2: None}]
    with pytest.raises(TypeError, match='no plain-data form'):
        to_sandbox_value(object())


def test_to_json_value_and_shape() -> None:
    assert to_json_value({(1, 2): float('inf'), 3: b'\xff', 'k': {1, 2}}) == {
        '(1, 2)': 'inf',
        '3': 'base64:/w==',
        'k': [1, 2],
    }
    assert shape_result(None, '') == {}
    assert shape_result(0, '') == 0
    assert shape_result(None, 'x\n') == {'output': 'x\n'}
    assert shape_result([1], 'x\n') == {'output': 'x\n', 'result': [1]}


def test_preview_is_bounded() -> None:
    text = preview({'k': 'v' * 1000, 'l': list(range(100)), **{str(i): i for i in range(10)}})
    assert len(text) < 400 and '...' in text
    assert preview('x' * 500).endswith('(500 chars)')
