class ARange:
    def __init__(self, n): self.i, self.n = 0, n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
async def double(x):
    return x * 2
async def main():
    a = [x async for x in ARange(3)]
    b = [await double(x) for x in range(3)]
    c = {x: await double(x) async for x in ARange(2)}
    return a, b, c
try:
    main().send(None)
except StopIteration as e:
    print(e.value)
