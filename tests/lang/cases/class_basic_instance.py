class Dog:
    species = 'canis'
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f'{self.name} says woof'
d = Dog('Rex')
print(d.speak(), d.species, Dog.species, d.__dict__, type(d).__name__, Dog.__name__, Dog.__module__)
d.species = 'own'
print(d.species, Dog.species, isinstance(d, Dog), isinstance(d, object))
print(Dog.speak(d), Dog.__dict__['speak'].__name__, type(Dog.speak).__name__, type(d.speak).__name__)
