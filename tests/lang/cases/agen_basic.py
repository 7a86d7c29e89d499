async def agen(n):
    for i in range(n):
        yield i * 10
g = agen(3)
print(type(g).__name__)
def drive(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
    raise AssertionError('suspended')
print(drive(g.__anext__()))
print(drive(g.__anext__()))
print(drive(g.__anext__()))
try:
    drive(g.__anext__())
except StopAsyncIteration:
    print('StopAsyncIteration')
