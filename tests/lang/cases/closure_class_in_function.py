def make_class(greeting):
    class Greeter:
        def greet(self, name):
            return f'{greeting}, {name}'
    return Greeter
H = make_class('Hello')
B = make_class('Bonjour')
print(H().greet('a'), B().greet('b'), H is B, H.__qualname__)
