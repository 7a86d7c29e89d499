# An exception that escapes a thread's function goes to sys.unraisablehook
# ("Exception ignored in thread started by <repr>"); SystemExit ends the
# thread silently; the thread's end is still seen by join().
import _thread, sys

class Task:
    def __init__(self, exc):
        self.exc = exc
    def __call__(self):
        raise self.exc
    def __repr__(self):
        return f"Task({self.exc!r})"

def run(task):
    h = _thread.start_joinable_thread(task)
    h.join()
    return h.is_done()

print(run(Task(ValueError("boom"))))
print(run(Task(SystemExit(3))))
print(run(_thread.exit))

def hook(u):
    print("hook:", u.exc_type.__name__, u.exc_value, "|", u.err_msg, "|", u.object,
          u.exc_traceback is not None)
sys.unraisablehook = hook
print(run(Task(KeyError("k"))))
done = _thread.allocate_lock()
done.acquire()
def fail_then_signal(x):
    try:
        1 / x
    finally:
        done.release()
class Named:
    def __call__(self, x): fail_then_signal(x)
    def __repr__(self): return "Named()"
_thread.start_new_thread(Named(), (0,))
done.acquire()
while _thread._count():
    pass
print("count", _thread._count())
try:
    _thread.exit_thread()
except SystemExit as e:
    print("SystemExit", e.args)
