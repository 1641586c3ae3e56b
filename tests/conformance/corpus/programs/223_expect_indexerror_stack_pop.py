# expect: IndexError
stack = []
def push(x):
    stack.append(x)
def pop():
    return stack.pop()
push(1); push(2)
print(pop() + pop())
print(pop())
