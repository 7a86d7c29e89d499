class Tick:
    def __await__(self):
        v = yield 'tick'
        return v
async def leaf(x):
    got = await Tick()
    return x + got
async def mid():
    a = await leaf(1)
    b = await leaf(2)
    return [a, b]
async def top():
    return await mid()
c = top()
print(c.send(None))
print(c.send(10))
try:
    c.send(20)
except StopIteration as e:
    print(e.value)
