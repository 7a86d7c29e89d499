async def f():
    [x async x in y]
