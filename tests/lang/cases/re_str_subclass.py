import re

# subclasses of str are accepted; results are plain str
class S(str):
    pass
m = re.search(r'b+', S('abbc'))
print(type(m.group()).__name__, type(m.string).__name__, re.sub('b', 'x', S('abc')), type(re.sub('q', 'x', S('abc'))).__name__)

