from dataclasses import dataclass, field, asdict

@dataclass
class Address:
    city: str
    zip: str = ''

@dataclass
class Person:
    name: str
    age: int
    address: Address
    emails: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)

p = Person('Ann', 31, Address('Paris', '75001'), ['a@x.io'], {'vip': True})
d = asdict(p)
print(d)
print(d['address']['city'], type(d['address']).__name__)
p2 = Person(**{**d, 'address': Address(**d['address']), 'name': 'Ann2'})
print(p2)
print(p == p2, p.address == p2.address)
people = [p, Person('Bob', 25, Address('Rome')), Person('Cy', 40, Address('Paris'))]
by_city = {}
for person in people:
    by_city.setdefault(person.address.city, []).append(person.name)
print(by_city)
print([asdict(x)['address'] for x in people])
print(max(people, key=lambda x: x.age).name)
asdict(people[1])
