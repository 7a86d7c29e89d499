async def f():
    await a
    await a.b()
    x = await y
    await (await z)
    return [await q for q in r]
    -await x
    await x ** 2
    await x[0]
