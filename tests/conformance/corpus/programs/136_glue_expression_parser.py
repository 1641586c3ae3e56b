def tokenize(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c.isdigit():
            j = i
            while j < len(s) and s[j].isdigit():
                j += 1
            out.append(int(s[i:j]))
            i = j
        else:
            if c in '+-*/()':
                out.append(c)
            i += 1
    return out

def parse(tokens):
    pos = 0
    def peek():
        return tokens[pos] if pos < len(tokens) else None
    def take():
        nonlocal pos
        pos += 1
        return tokens[pos - 1]
    def expr():
        val = term()
        while peek() in ('+', '-'):
            op, rhs = take(), term()
            val = val + rhs if op == '+' else val - rhs
        return val
    def term():
        val = factor()
        while peek() in ('*', '/'):
            op, rhs = take(), factor()
            val = val * rhs if op == '*' else val / rhs
        return val
    def factor():
        tok = take()
        if tok == '(':
            val = expr()
            take()
            return val
        if tok == '-':
            return -factor()
        return tok
    result = expr()
    if pos != len(tokens):
        raise ValueError(f'unexpected token {tokens[pos]!r} at {pos}')
    return result

for src in ['1 + 2 * 3', '(1 + 2) * 3', '10 / 4 - 1', '-(2 + 3) * -2', '2 * (3 + (4 - 1)) / 3']:
    print(f'{src!r:>26} = {parse(tokenize(src))}')
try:
    parse(tokenize('1 2'))
except ValueError as e:
    print('ValueError:', e)
parse(tokenize('7 * 6'))
