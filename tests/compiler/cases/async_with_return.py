async def f(a):
    async with a:
        return await a.x()
