"""A compromised worker (a guard hole planted on purpose) lies to the host through the pipe: the host
trusts no name, call id or number a worker reports (a red-team round on the process tier found each)."""

from __future__ import annotations

import asyncio

import pytest

from monty_core import Monty, MontyRuntimeError, run_monty_async
from monty_core.process import ProcessPool

HOLE = Monty('hole(src)', inputs=['hole', 'src'])

# Run A replaces the worker's session loop; the next run on that worker then sends what it says.
PLANT = """
import monty_core.process.worker as W
from monty_core.process import wire
def session(self, msg):
{body}
W.Server.session = session
W.Server.run = lambda self, msg: session(self, msg)
result = 'planted'
"""


def planted(body: str) -> ProcessPool:
    pool = ProcessPool(max_workers=1, _test_switches=('hole',))
    source = PLANT.format(body='\n'.join('    ' + line for line in body.splitlines()))
    assert HOLE.run(inputs={'hole': None, 'src': source}, isolation=pool) == 'planted'
    return pool


def broke_protocol(error: MontyRuntimeError, what: str) -> bool:
    return 'broke the protocol' in error.message and what in error.message


def test_a_call_of_an_undeclared_function_kills_the_worker() -> None:
    body = "self.channel.send(wire.Call(7, 'delete_all_users', {'t': ['*']}, {'d': []}, True))\nself.channel.recv()"
    with planted(body) as pool, pytest.raises(MontyRuntimeError) as info:
        Monty('fetch(1)', external_functions=['fetch']).start(isolation=pool)
    assert broke_protocol(info.value, 'did not declare')


def test_a_wait_on_futures_never_given_kills_the_worker() -> None:
    body = 'self.channel.send(wire.Futures([424242]))\nself.channel.recv()'
    with planted(body) as pool:

        async def main() -> None:
            await run_monty_async(Monty('1'), isolation=pool, limits={'max_duration_secs': 1})

        with pytest.raises(MontyRuntimeError) as info:
            asyncio.run(asyncio.wait_for(main(), 20))
    assert broke_protocol(info.value, 'not given')


@pytest.mark.parametrize('cpu', ["float('inf')", "float('nan')", '1e9', '-1.0'])
def test_an_implausible_cpu_time_kills_the_worker(cpu: str) -> None:
    with planted(f'self.channel.send(wire.Done(None, {cpu}, False))') as pool:
        with pytest.raises(MontyRuntimeError) as info:
            Monty('1').run(isolation=pool)
    assert broke_protocol(info.value, 'implausible CPU time')


def test_more_output_than_the_limit_kills_the_worker() -> None:
    body = "for _ in range(64):\n    self.channel.send(wire.Printed('stdout', 'A' * 1024))\nself.channel.send(wire.Done(None, 0.0, False))"
    with planted(body) as pool:
        with pytest.raises(MontyRuntimeError) as info:
            Monty('1').run(
                isolation=pool, limits={'max_output_bytes': 4096}, print_callback=lambda s, t: None
            )
    assert broke_protocol(info.value, 'more printed output')


def test_output_up_to_the_limit_is_delivered() -> None:
    with ProcessPool(max_workers=1) as pool:
        printed: list[str] = []
        with pytest.raises(MontyRuntimeError) as info:
            Monty("while True:\n    print('x' * 100)").run(
                isolation=pool,
                limits={'max_output_bytes': 4096},
                print_callback=lambda s, t: printed.append(t),
            )
    assert info.value.type_name == 'OSError' and 0 < len(''.join(printed)) <= 4096
