async def f(a):
    return [x async for x in a], {y: 1 async for y in a}
