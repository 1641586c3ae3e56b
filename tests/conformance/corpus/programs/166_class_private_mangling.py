class Account:
    def __init__(self, owner, pin):
        self.owner = owner
        self.__pin = pin
        self._attempts = 0

    def check(self, pin):
        self._attempts += 1
        return pin == self.__pin

    def __helper(self):
        return f'helper for {self.owner}'

    def public(self):
        return self.__helper()

class Savings(Account):
    def __init__(self, owner, pin):
        super().__init__(owner, pin)
        self.__pin = 'child-' + str(pin)

    def child_pin(self):
        return self.__pin

a = Account('ann', 1234)
print(a.check(1), a.check(1234), a._attempts, a.public())
print(hasattr(a, '__pin'), hasattr(a, '_Account__pin'), a._Account__pin)
try:
    a.__pin
except AttributeError as e:
    print('AttributeError:', e)
s = Savings('bob', 99)
print(s.check(99), s.child_pin(), s._Account__pin, s._Savings__pin)
try:
    s.__helper()
except AttributeError as e:
    print('AttributeError:', e)
print(s.public(), sorted(k for k in ['owner', '_attempts'] if hasattr(s, k)))
[a._attempts, s._attempts]
