# expect: PaymentDeclined
class PaymentError(Exception):
    def __init__(self, amount, reason):
        super().__init__(amount, reason)
        self.amount = amount
        self.reason = reason

    def __str__(self):
        return f'payment of {self.amount:.2f} failed: {self.reason}'

class PaymentDeclined(PaymentError):
    pass

def charge(balance, amount):
    if amount > balance:
        raise PaymentDeclined(amount, 'insufficient funds')
    return balance - amount

balance = 50.0
for amt in [10, 15.5, 30]:
    balance = charge(balance, amt)
    print('balance', balance)
