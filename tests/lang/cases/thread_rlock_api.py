# _thread.RLock in one thread: recursion, ownership, _release_save /
# _acquire_restore (threading.Condition's protocol), errors, repr.
import _thread

me = _thread.get_ident()
r = _thread.RLock()
def show(r):
    print(repr(r).split(" at 0x")[0].replace(str(me), "ME"))
show(r)
print(r.acquire(), r.acquire(), r._recursion_count(), r._is_owned(), r.locked())
show(r)
state = r._release_save()
print(state[0], state[1] == me, r._is_owned(), r._recursion_count(), r.locked())
try:
    r._release_save()
except RuntimeError as e:
    print("RuntimeError", e)
r._acquire_restore(state)
print(r._recursion_count())
r.release()
r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)
with r:
    with r:
        print("nested", r._recursion_count())
print(r._recursion_count(), r.locked())
print(r.acquire(blocking=False), r.acquire(timeout=0.5), r._recursion_count())
r.release(); r.release()
r.acquire()
r._at_fork_reinit()
print(r._is_owned(), r.locked())
for f in (lambda: r.acquire(False, 1), lambda: r._acquire_restore((1,)), lambda: r._acquire_restore([1, 2])):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(repr(_thread.RLock(1)).split(" owner")[0], repr(_thread.RLock(x=1)).split(" owner")[0])
class R(_thread.RLock):
    pass
rr = R()
print(rr.acquire(), rr._is_owned(), type(rr).__name__, repr(rr).split(" owner")[0])
print(sorted(x for x in dir(r) if not x.startswith('__')))
