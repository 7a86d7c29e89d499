class Suspend:
    def __init__(self, v): self.v = v
    def __await__(self):
        got = yield self.v
        return got * 2
async def work():
    a = await Suspend('first')
    b = await Suspend('second')
    return a + b
c = work()
print(c.send(None))
print(c.send(10))
try:
    c.send(100)
except StopIteration as e:
    print('done', e.value)
