class Up(str):
    def shout(self):
        return self.upper() + '!'
u = Up('hey')
print(u, u.shout(), type(u + 'x').__name__, type(u.strip()).__name__, isinstance(u, str), repr(u))
class Tagged(str):
    def __new__(cls, v, tag):
        obj = super().__new__(cls, v)
        obj.tag = tag
        return obj
t = Tagged('val', 'T')
print(t, t.tag, t == 'val', hash(t) == hash('val'))
