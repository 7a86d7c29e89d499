async def c(): pass
def g(): yield
async def ag(): yield
print(c.__code__.co_flags & 0x80 != 0, g.__code__.co_flags & 0x20 != 0, ag.__code__.co_flags & 0x200 != 0)
co = c()
print(type(co).__name__, co.cr_running, co.cr_code.co_name, co.__qualname__)
co.close()
