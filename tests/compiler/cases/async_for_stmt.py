async def f(a):
    async for x in a:
        print(x)
    else:
        pass
