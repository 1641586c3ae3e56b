# expect: KeyError
inventory = {'apple': 3, 'pear': 0}

def restock(item, n):
    inventory[item] = inventory.get(item, 0) + n
    return inventory[item]

print(restock('pear', 5))
print(restock('kiwi', 2))
print(sorted(inventory.items()))
inventory['banana']
