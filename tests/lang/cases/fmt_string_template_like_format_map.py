class Default(dict):
    def __missing__(self, k): return '{' + k + '}'
print('{name} is {age} years, {unknown}'.format_map(Default(name='Ann', age=3)))
