print(str.upper('abc'), str.__dict__['upper'].__name__, type(str.__dict__['upper']).__name__)
print(type(int.__dict__['real']).__name__, type(list.append).__name__, type([].append).__name__)
print(type(dict.__dict__['fromkeys']).__name__, type(object.__init__).__name__, type(len).__name__)
print(int.__add__(1, 2), (5).__add__(1.0), float.__add__(1.0, 2))
