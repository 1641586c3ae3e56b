class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f'{account.owner} cannot withdraw {amount:.2f} (balance {account.balance:.2f})')
        self.amount = amount

class Account:
    _next_id = 1

    def __init__(self, owner, balance=0.0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self.balance = balance
        self.log = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError('deposit must be positive')
        self.balance += amount
        self.log.append(('dep', amount))
        return self

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.log.append(('wd', amount))
        return self

    def __repr__(self):
        return f'Account#{self.id}({self.owner!r}, {self.balance:.2f})'

def transfer(src, dst, amount):
    src.withdraw(amount)
    dst.deposit(amount)

a = Account('ann', 100)
b = Account('bob')
a.deposit(50).withdraw(30)
transfer(a, b, 70)
print(a, b)
for amt in [500, -5]:
    try:
        transfer(b, a, amt)
    except InsufficientFunds as e:
        print('failed:', e, e.amount)
    except ValueError as e:
        print('invalid:', e)
print(a.log, b.log)
print(sorted([a, b], key=lambda acc: acc.balance))
[a.balance, b.balance, Account._next_id]
