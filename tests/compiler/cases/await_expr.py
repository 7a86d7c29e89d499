async def f():
    return await g() + await h()
