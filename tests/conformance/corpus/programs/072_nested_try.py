def level3(x):
    if x == 0:
        raise ZeroDivisionError('level3 zero')
    if x < 0:
        raise ValueError('level3 negative')
    return 10 / x

def level2(x):
    try:
        return level3(x)
    except ValueError as e:
        print('level2 handled', e)
        return -1
    finally:
        print('level2 finally', x)

def level1(x):
    try:
        try:
            return level2(x)
        except ZeroDivisionError:
            print('level1 inner handler')
            raise
        finally:
            print('level1 inner finally')
    except ArithmeticError as e:
        print('level1 outer handler', type(e).__name__, e)
        return None

for x in [5, -1, 0]:
    print('=>', level1(x))

def reraise_different():
    try:
        try:
            {}['a']
        except KeyError:
            raise IndexError('converted')
    except IndexError as e:
        return str(e)

print(reraise_different())
errors = []
for item in ['1', 'two', '3', None]:
    try:
        try:
            errors.append(int(item))
        except ValueError:
            errors.append('bad')
    except TypeError:
        errors.append('none')
print(errors)
errors
