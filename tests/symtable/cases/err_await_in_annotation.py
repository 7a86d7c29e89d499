async def f(a: await b): pass
