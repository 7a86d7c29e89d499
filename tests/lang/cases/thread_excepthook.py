# _thread._excepthook and _thread._ExceptHookArgs (what threading.excepthook
# is): the report's header names the thread, SystemExit is silent.
import _thread, sys

A = _thread._ExceptHookArgs
print(A.__name__, A.n_fields, A.n_sequence_fields, issubclass(A, tuple))
a = A((1, 2, 3, 4))
print(a, a.exc_type, a.exc_value, a.exc_traceback, a.thread, len(a))
try:
    A((1, 2))
except TypeError as e:
    print("TypeError", e)

class FakeThread:
    name = "Worker-1"
    _stderr = None

def caught(exc):
    try:
        raise exc
    except BaseException as e:
        return A((type(e), e, e.__traceback__, FakeThread()))

sys.stderr = sys.stdout
print(_thread._excepthook(caught(ValueError("bad value"))))
print(_thread._excepthook(caught(SystemExit(1))))
try:
    _thread._excepthook((1, 2, 3, 4))
except TypeError as e:
    print("TypeError", e)
