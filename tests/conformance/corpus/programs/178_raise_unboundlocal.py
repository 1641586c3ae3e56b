# expect: UnboundLocalError
count = 0

def increment():
    print('incrementing')
    count += 1
    return count

def safe_increment():
    global count
    count += 1
    return count

print(safe_increment(), safe_increment())
increment()
