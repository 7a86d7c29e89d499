async def g():
    try:
        yield 1
    finally:
        await a
