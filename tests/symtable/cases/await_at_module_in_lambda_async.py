async def f():
    g = lambda: 1
    await g()
