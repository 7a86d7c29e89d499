# sys.settrace switched on and off inside a generator that a for loop resumes.
import sys

events = []


def tracer(frame, event, arg):
    events.append((frame.f_code.co_name, event, frame.f_lineno - frame.f_code.co_firstlineno))
    return tracer


def gen():
    yield 1
    sys.settrace(tracer)
    yield 2
    yield 3
    sys.settrace(None)
    yield 4


def main():
    out = []
    for v in gen():
        out.append(v)
    return out


print(main())
for e in events:
    print(e)
events.clear()


def g2():
    yield 'a'
    yield 'b'


def main2():
    sys.settrace(tracer)
    r = [x for x in g2()]
    sys.settrace(None)
    return r


print(main2())
for e in events:
    print(e)
