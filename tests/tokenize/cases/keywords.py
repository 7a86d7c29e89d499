async def f():
    await g()
    match x:
        case 1: pass
    type X = int
