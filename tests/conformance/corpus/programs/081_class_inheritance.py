class Animal:
    sound = '...'

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f'{self.name} says {self.sound}'

    def kind(self):
        return type(self).__name__.lower()

    def __repr__(self):
        return f'{type(self).__name__}({self.name!r})'

class Dog(Animal):
    sound = 'woof'

class Puppy(Dog):
    def speak(self):
        return super().speak() + '!'

class Cat(Animal):
    sound = 'meow'

    def __init__(self, name, indoor=True):
        super().__init__(name)
        self.indoor = indoor

    def speak(self):
        base = Animal.speak(self)
        return base if self.indoor else base.upper()

zoo = [Animal('generic'), Dog('rex'), Puppy('bit'), Cat('tom'), Cat('ali', indoor=False)]
for a in zoo:
    print(repr(a), '|', a.speak(), '|', a.kind())
print(isinstance(zoo[2], Dog), isinstance(zoo[2], Animal), isinstance(zoo[1], Puppy))
print(issubclass(Puppy, Animal), issubclass(Cat, Dog), issubclass(Dog, (Cat, Animal)))
print([type(a).__name__ for a in zoo if isinstance(a, Dog)])
print(zoo)
[a.speak() for a in zoo]
