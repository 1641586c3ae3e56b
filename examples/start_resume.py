"""Start/resume: the sandbox pauses at every host call, and the host answers when it likes.

`Monty.start()` runs until the first call to a host function and returns a `MontySnapshot` (which
function, with which arguments); `resume(return_value=...)` or `resume(exception=...)` continues.
Answering a call with `future=...` lets the code carry on (e.g. start more calls for `asyncio.gather`)
until it waits: a `MontyFutureSnapshot` then lists the pending calls, resolved in any order.

    python examples/start_resume.py
"""

from __future__ import annotations

from typing import Any

import monty_core

CODE = """
import asyncio

order = fetch_order(order_id)
print('order', order['id'], 'for', order['customer'])
try:
    charge(amount=order['total'] * 100)
except ValueError as e:
    print('charge refused:', e)
prices = await asyncio.gather(*[price(sku=s) for s in order['skus']])
{'order': order['id'], 'prices': prices, 'total': sum(prices)}
"""


def main() -> None:
    m = monty_core.Monty(
        CODE,
        inputs=['order_id'],
        external_functions=['fetch_order', 'charge', 'price'],
        script_name='order.py',
    )
    printed: list[str] = []
    progress = m.start(inputs={'order_id': 7}, print_callback=lambda stream, text: printed.append(text))
    log: list[str] = []
    pending: dict[int, str] = {}
    while not isinstance(progress, monty_core.MontyComplete):
        if isinstance(progress, monty_core.MontySnapshot):
            name, kwargs = progress.function_name, progress.kwargs
            shown = ', '.join([*map(repr, progress.args), *(f'{k}={v!r}' for k, v in kwargs.items())])
            log.append(f'{name}({shown})')
            print(f'paused at call {progress.call_id}: {name}({shown})')
            if name == 'fetch_order':
                progress = progress.resume(
                    return_value={'id': 7, 'customer': 'ada', 'total': 12, 'skus': ['a', 'b']}
                )
            elif name == 'charge':
                progress = progress.resume(exception=ValueError('card declined'))
            else:  # price(): answer later, so the gathered calls are all in flight together
                pending[progress.call_id] = kwargs['sku']
                progress = progress.resume(future=...)
        else:
            ids = progress.pending_call_ids
            print(f'waiting on calls {ids}: answering them in reverse order')
            answers: dict[int, Any] = {
                cid: {'return_value': {'a': 3, 'b': 4}[pending[cid]]} for cid in ids[::-1]
            }
            progress = progress.resume(answers)
    result = progress.output
    print('printed:', ''.join(printed).strip().replace('\n', ' | '))
    print('result:', result)
    assert result == {'order': 7, 'prices': [3, 4], 'total': 7}
    assert log == ['fetch_order(7)', 'charge(amount=1200)', "price(sku='a')", "price(sku='b')"], log
    assert ''.join(printed) == 'order 7 for ada\ncharge refused: card declined\n'
    print('OK')


if __name__ == '__main__':
    main()
