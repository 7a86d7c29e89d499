async def f(a):
    async with a as b, c:
        return b
