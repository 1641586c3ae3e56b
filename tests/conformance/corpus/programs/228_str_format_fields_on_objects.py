# str.format with attribute and index fields on user objects: auto-numbered `{.attr}` and `{[0]}`,
# and the exact errors of str.format and format_map.
class Money:
    def __init__(self, amount, currency):
        self.amount = amount
        self.currency = currency

    def __format__(self, spec):
        return f'{self.amount:{spec or ".2f"}} {self.currency}'


price = Money(12.5, 'EUR')
order = {'id': 7, 'lines': [price, Money(3, 'USD')]}
print('{.currency} {.amount:>8.1f}'.format(price, price))
print('{[id]:03d}: {[lines][1]:.1f}'.format(order, order))
print('{} costs {:>12}'.format('book', price))
print('{0.amount}/{0.currency} {1[0]}'.format(price, 'xyz'))
print('{p.currency}{p.amount:+.0f}'.format_map({'p': price}))
for fmt, args in [
    ('{} and {}', (price,)),
    ('{} then {0}', (price, price)),
    ('{0} then {}', (price, price)),
    ('{3.amount}', (price,)),
    ('{.missing}', (price,)),
    ('{[2]}', ([price],)),
]:
    try:
        print(fmt.format(*args))
    except (IndexError, ValueError, AttributeError) as e:
        print(fmt, '->', type(e).__name__, e)
try:
    print('{0.amount}'.format_map({'0': price}))
except ValueError as e:
    print('format_map:', e)
'{:>14}|{.currency:^5}|'.format(price, price)
