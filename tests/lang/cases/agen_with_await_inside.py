class Pause:
    def __await__(self):
        got = yield 'paused'
        return got
async def agen():
    x = await Pause()
    yield 'first:' + str(x)
    y = await Pause()
    yield 'second:' + str(y)
g = agen()
aw = g.__anext__()
print(aw.send(None))
try:
    aw.send(1)
except StopIteration as e:
    print(e.value)
aw = g.__anext__()
print(aw.send(None))
try:
    aw.send(2)
except StopIteration as e:
    print(e.value)
aw = g.__anext__()
try:
    aw.send(None)
except StopAsyncIteration:
    print('exhausted')
