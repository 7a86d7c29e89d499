async def f():
    def g():
        async with x: pass
