async def agen():
    yield 1
    yield 2
g = agen()
def run(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
print(run(g.__anext__()))
try:
    run(g.athrow(ValueError('thrown in')))
except ValueError as e:
    print('propagated', e)
try:
    run(g.__anext__())
except StopAsyncIteration:
    print('finished after throw')
