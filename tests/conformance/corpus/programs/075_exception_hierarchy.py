checks = [
    (ZeroDivisionError, ArithmeticError), (KeyError, LookupError), (IndexError, LookupError),
    (FileNotFoundError, OSError), (UnboundLocalError, NameError), (NotImplementedError, RuntimeError),
    (RecursionError, RuntimeError), (StopIteration, Exception), (KeyboardInterrupt, Exception),
    (bool, int), (ValueError, TypeError), (ModuleNotFoundError, ImportError), (OverflowError, ArithmeticError),
    (UnicodeDecodeError, ValueError), (AssertionError, Exception), (GeneratorExit, BaseException),
]
for sub, sup in checks:
    print(f'{sub.__name__:<20} {sup.__name__:<15} {issubclass(sub, sup)}')

def trigger(kind):
    if kind == 0:
        return 1 / 0
    if kind == 1:
        return [][1]
    if kind == 2:
        return {}['x']
    if kind == 3:
        return int('q')
    if kind == 4:
        return None + 1
    if kind == 5:
        return undefined_thing
    if kind == 6:
        return 'abc'.missing
    if kind == 7:
        raise NotImplementedError('todo')

caught = []
for kind in range(8):
    try:
        trigger(kind)
    except LookupError as e:
        caught.append(('lookup', type(e).__name__))
    except ArithmeticError as e:
        caught.append(('arith', type(e).__name__))
    except (TypeError, ValueError) as e:
        caught.append(('tv', type(e).__name__))
    except Exception as e:
        caught.append(('other', type(e).__name__, str(e)))
for c in caught:
    print(c)
caught
