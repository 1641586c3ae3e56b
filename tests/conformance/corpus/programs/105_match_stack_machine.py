def run(commands):
    stack = []
    env = {}
    output = []
    for cmd in commands:
        match cmd.split():
            case ['push', value] if value.lstrip('-').isdigit():
                stack.append(int(value))
            case ['push', name]:
                stack.append(env.get(name, 0))
            case ['pop']:
                stack.pop()
            case ['add' | 'mul' | 'sub' as op]:
                b, a = stack.pop(), stack.pop()
                stack.append({'add': a + b, 'mul': a * b, 'sub': a - b}[op])
            case ['store', name]:
                env[name] = stack.pop()
            case ['print']:
                output.append(stack[-1])
            case ['dup']:
                stack.append(stack[-1])
            case []:
                continue
            case [unknown, *args]:
                output.append(f'bad command {unknown!r} args={args}')
    return output, stack, env

prog = ['push 3', 'push 4', 'add', 'dup', 'print', 'push -2', 'mul', 'store x', '', 'push x',
        'push x', 'mul', 'print', 'jump 5 6', 'push y', 'sub', 'print']
out, stack, env = run(prog)
print(out)
print(stack, env)
(out, stack, env)
