import sys
def tracer(frame, event, arg):
    print(event, frame.f_code.co_name, frame.f_lineno)
    return tracer
def f(x):
    y = x + 1
    return y
sys.settrace(tracer)
f(1)
sys.settrace(None)
print(sys.gettrace())
