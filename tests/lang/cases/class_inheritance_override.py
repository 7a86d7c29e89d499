class Animal:
    def __init__(self, name): self.name = name
    def speak(self): return '...'
    def intro(self): return f'I am {self.name}: {self.speak()}'
class Cat(Animal):
    def speak(self): return 'meow'
class Lion(Cat):
    def speak(self): return super().speak().upper() + '!'
for a in [Animal('gen'), Cat('tom'), Lion('leo')]:
    print(a.intro())
print(issubclass(Lion, Animal), Lion.__bases__, Lion.__base__.__name__, [c.__name__ for c in Lion.__mro__])
