import contextvars
from contextvars import ContextVar, Context, copy_context, Token
v = ContextVar('v', default=1)
w = ContextVar('w')
print(v.name, v.get(), w.get(5))
try: w.get()
except LookupError as e: print('LookupError', type(e.args[0]).__name__)
t = v.set(10)
print(v.get(), t.var is v, t.old_value is Token.MISSING, repr(Token.MISSING))
ctx = copy_context()
print(ctx[v], v in ctx, w in ctx, len(ctx), list(ctx.keys()) == [v])
def f(x):
    v.set(x)
    return v.get(), copy_context()[v]
print(ctx.run(f, 99), v.get(), ctx[v])
try: ctx.run(ctx.run, f, 1)
except RuntimeError as e: print('RuntimeError', str(e)[:40])
v.reset(t)
print(v.get())
try: v.reset(t)
except RuntimeError as e: print('RuntimeError', 'used' in str(e))
try: w.reset(v.set(3))
except ValueError as e: print('ValueError', 'different ContextVar' in str(e))
with v.set(7):
    print('inside', v.get())
print('after', v.get())
try: ctx[1]
except TypeError as e: print(e)
try: Token()
except RuntimeError as e: print(e)
print(ContextVar[int], Context().get(v, 'dflt'), Context() == Context())
try: ContextVar()
except TypeError as e: print(e)
try: ContextVar(1)
except TypeError as e: print(e)
import threading
res = []
