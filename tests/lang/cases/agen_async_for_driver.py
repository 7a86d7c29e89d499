async def ticker(n):
    for i in range(n):
        yield i
        yield -i
async def collect():
    res = []
    async for v in ticker(3):
        res.append(v)
    return res
c = collect()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
