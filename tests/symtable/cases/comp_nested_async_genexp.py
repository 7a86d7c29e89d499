async def f():
    return [y for x in z for y in (w async for w in x)]
