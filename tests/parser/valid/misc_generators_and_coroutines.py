import asyncio

async def fetch(n):
    await asyncio.sleep(0)
    return n

async def main():
    results = await asyncio.gather(*(fetch(i) for i in range(3)))
    async with lock:
        pass
    return [r async for r in agen()]

async def agen():
    for i in range(3):
        yield i
        await asyncio.sleep(0)

def gen():
    x = yield 1
    yield from range(x)
