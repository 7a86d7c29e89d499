async def f():
    await x
    async with a as b, c:
        pass
    async for i in y:
        pass
    else:
        pass
    return await g()
@dec
async def g(a, /, b, *, c) -> int: ...
