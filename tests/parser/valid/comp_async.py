async def f():
    [x async for x in y]
    {x async for x in y}
    {x: y async for x, y in z}
    (x async for x in y)
    [await x for x in y]
    [x for x in y if await x]
    [x async for x in y async for z in w if z]
    [x for x in y async for z in w]
