# _thread.lock: acquire/release/locked, timeouts and their errors, the
# context manager, _at_fork_reinit, repr and the type's names.
import _thread

L = _thread.allocate_lock()
print(type(L) is _thread.LockType, _thread.lock is _thread.LockType, type(L).__name__)
print(L.acquire(), L.locked(), L.acquire(False), L.acquire(timeout=0), L.acquire(True, 0))
print(L.acquire(blocking=True, timeout=0.01), L.acquire(timeout=1e-9))
print(repr(L).split(" at 0x")[0])
for f in (lambda: L.acquire(False, 1), lambda: L.acquire(timeout=-2), lambda: L.acquire(timeout=1e30),
          lambda: L.acquire(blocking="", timeout=0.0), lambda: L.acquire(timeout=10**10),
          lambda: L.acquire(timeout=float("nan")), lambda: L.acquire(timeout=float("inf")),
          lambda: L.acquire(1, 2, 3), lambda: L.acquire(foo=1),
          lambda: L.acquire(timeout="x"), lambda: L.acquire(timeout=None)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
L.release()
print(repr(L).split(" at 0x")[0])
try:
    L.release()
except RuntimeError as e:
    print("RuntimeError", e)
with L:
    print("inside", L.locked())
print(L.locked(), L.acquire_lock(), L.release_lock(), L.locked_lock())
print(L.__enter__(), L.__exit__(None, None, None), L.locked())
L.acquire()
L._at_fork_reinit()
print("after reinit", L.locked())
print(repr(type(L)()).split(" at 0x")[0], repr(_thread.lock()).split(" at 0x")[0])
try:
    type(L)(1)
except TypeError as e:
    print("TypeError", e)
try:
    class Sub(_thread.LockType):
        pass
except TypeError as e:
    print("TypeError", e)
print(sorted(x for x in dir(L) if not x.startswith('__')))
print(_thread.allocate_lock.__doc__)
print(_thread.allocate is not None, _thread.TIMEOUT_MAX, _thread.error is RuntimeError)
print(type(L).__module__, type(L).__qualname__)
