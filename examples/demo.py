"""The demo: a sandboxed program calls a host function, prints, and returns a value.

Run it with `bash scripts/demo.sh`.
"""

from __future__ import annotations

import monty_core

CODE = """
orders = fetch_orders(customer)
total = sum(o['amount'] for o in orders)
by_status = {}
for o in orders:
    by_status[o['status']] = by_status.get(o['status'], 0) + 1
print(f'{customer} has {len(orders)} orders worth {total:.2f}')
{'customer': customer, 'total': round(total, 2), 'by_status': by_status}
"""

ORDERS = {
    'ada': [
        {'id': 1, 'amount': 19.99, 'status': 'shipped'},
        {'id': 2, 'amount': 5.25, 'status': 'pending'},
        {'id': 3, 'amount': 42.0, 'status': 'shipped'},
    ]
}


def fetch_orders(customer: str) -> list[dict[str, object]]:
    """A host function: the only way the sandboxed code can reach data."""
    print(f'  [host] fetch_orders({customer!r})')
    return ORDERS.get(customer, [])


def main() -> None:
    m = monty_core.Monty(
        CODE, inputs=['customer'], external_functions=['fetch_orders'], script_name='demo.py'
    )
    print('--- sandboxed code:' + CODE)
    result = m.run(
        inputs={'customer': 'ada'},
        external_functions={'fetch_orders': fetch_orders},
        print_callback=lambda stream, text: print(f'  [sandbox {stream}] {text}', end=''),
        limits={'max_duration_secs': 2},
    )
    print('--- result:', result)

    print('--- an escape attempt is refused:')
    try:
        monty_core.Monty('().__class__.__bases__[0].__subclasses__()').run()
    except monty_core.MontyRuntimeError as e:
        print(e.display())


if __name__ == '__main__':
    main()
