import sys
events = []
def tracer(frame, event, arg):
    events.append((event, frame.f_code.co_name, frame.f_lineno))
    return tracer
def gen():
    yield 1
    yield 2
def g(x):
    try:
        raise ValueError(x)
    except ValueError:
        return -1
def f(x):
    y = [v for v in gen()]
    return g(x) + len(y)
sys.settrace(tracer)
f(1)
sys.settrace(None)
for e in events: print(*e)
prof = []
def p(frame, event, arg):
    prof.append((event, frame.f_code.co_name, getattr(arg, '__name__', None)))
sys.setprofile(p)
f(2)
len([1])
sys.setprofile(None)
for e in prof: print(*e)
