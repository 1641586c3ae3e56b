template = 'Dear {name},\nYour order #{order_id} of {count} item{plural} totals ${total:.2f}.\n'
orders = [
    {'name': 'Ann', 'order_id': 17, 'count': 1, 'total': 9.5},
    {'name': 'Bob', 'order_id': 18, 'count': 3, 'total': 120.0},
]
for o in orders:
    msg = template.format(plural='' if o['count'] == 1 else 's', **o)
    print(msg, end='')

def render(tpl, ctx):
    out = tpl
    for key, val in ctx.items():
        out = out.replace('{{' + key + '}}', str(val))
    return out

page = render('<h1>{{title}}</h1><p>{{body}}</p>{{missing}}', {'title': 'Hi', 'body': 'x < y'})
print(page)
table = [['id', 'name', 'score'], [1, 'ann', 93.5], [22, 'bo', 7.25]]
widths = [max(len(str(row[i])) for row in table) for i in range(3)]
for row in table:
    print(' | '.join(str(c).ljust(w) for c, w in zip(row, widths)))
print('-+-'.join('-' * w for w in widths))
lines = [f'{k:.<12}{v:.>8}' for k, v in [('alpha', 1), ('beta', 22)]]
print('\n'.join(lines))
page
