# Starting threads with start_joinable_thread and start_new_thread, joining
# them through their handles, idents, _count, and the argument errors.
import _thread
import time

results = []
lock = _thread.allocate_lock()

def record(tag):
    with lock:
        results.append((tag, _thread.get_ident() != _thread._get_main_thread_ident()))

handles = [_thread.start_joinable_thread(lambda i=i: record(i)) for i in range(5)]
for h in handles:
    h.join()
print(sorted(results))
print(all(h.is_done() for h in handles), _thread._count())
print(len({h.ident for h in handles}) >= 1, all(isinstance(h.ident, int) for h in handles))

# a handle made beforehand, a daemon flag, join with a timeout
gate = _thread.allocate_lock()
gate.acquire()
def wait_gate():
    gate.acquire()
    record("gate")
h = _thread._ThreadHandle()
print(repr(h), h.ident, h.is_done())
h2 = _thread.start_joinable_thread(wait_gate, handle=h, daemon=False)
print(h2 is h, h.is_done())
print(h.join(0.01), h.is_done())
gate.release()
h.join()
print(h.is_done(), _thread._count(), results[-1])
h.join()
h.join(None)
h.join(-1)

# start_new_thread: returns the ident; args and kwargs
done = _thread.allocate_lock()
done.acquire()
got = []
def add(a, b, *, c=0):
    got.append(a + b + c)
    got.append(_thread.get_ident())
    done.release()
ident = _thread.start_new_thread(add, (1, 2), {"c": 3})
done.acquire()
print(got[0], got[1] == ident, _thread.start_new is not None)
while _thread._count():
    time.sleep(0.001)

# errors
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
fresh = _thread._ThreadHandle()
err(lambda: fresh.join())
err(lambda: fresh._set_done())
err(lambda: _thread.start_joinable_thread(lambda: 0, handle=h))
err(lambda: _thread.start_joinable_thread(1))
err(lambda: _thread.start_joinable_thread())
err(lambda: _thread.start_new_thread(lambda: 0, []))
err(lambda: _thread.start_new_thread(lambda: 0, (), []))
err(lambda: _thread.start_new_thread(1, ()))
err(lambda: _thread.start_new_thread(lambda: 0))
main = _thread._make_thread_handle(_thread.get_ident())
print(main.ident == _thread.get_ident(), main.is_done())
err(lambda: main.join())
err(lambda: main.join(0.1))
main._set_done()
print(main.is_done())
print(_thread._get_main_thread_ident() == _thread.get_ident(), _thread.daemon_threads_allowed(),
      _thread._is_main_interpreter(), _thread.get_native_id() > 0)
