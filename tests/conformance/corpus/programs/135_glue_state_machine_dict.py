TRANSITIONS = {
    ('idle', 'start'): 'running',
    ('running', 'pause'): 'paused',
    ('paused', 'resume'): 'running',
    ('running', 'finish'): 'done',
    ('paused', 'cancel'): 'cancelled',
    ('running', 'cancel'): 'cancelled',
}

def run_machine(events, state='idle'):
    history = [state]
    rejected = []
    for ev in events:
        nxt = TRANSITIONS.get((state, ev))
        if nxt is None:
            rejected.append((state, ev))
            continue
        state = nxt
        history.append(state)
        if state in ('done', 'cancelled'):
            break
    return state, history, rejected

for evs in [['start', 'pause', 'resume', 'finish'], ['pause', 'start', 'start', 'cancel', 'start'], []]:
    final, hist, rej = run_machine(evs)
    print(final, '->'.join(hist), rej)

def tokenize(expr):
    tokens, num = [], ''
    for ch in expr + ' ':
        if ch.isdigit() or ch == '.':
            num += ch
            continue
        if num:
            tokens.append(float(num) if '.' in num else int(num))
            num = ''
        if ch in '+-*/()':
            tokens.append(ch)
        elif not ch.isspace():
            raise ValueError(f'bad char {ch!r}')
    return tokens

print(tokenize('12 + 3.5*(4 - 1)'))
try:
    tokenize('1 + x')
except ValueError as e:
    print(e)
valid = {(a, b) for (a, _), b in TRANSITIONS.items()}
print(sorted(valid))
run_machine(['start', 'finish'])[1]
