# Many threads incrementing shared counters: under a lock the total is
# exact; an RLock taken recursively by each thread; lock acquire with a
# timeout while another thread holds the lock.
import _thread

N_THREADS, N_ITER = 8, 2000
counter = [0]
lock = _thread.allocate_lock()

def bump():
    for _ in range(N_ITER):
        with lock:
            counter[0] += 1

handles = [_thread.start_joinable_thread(bump) for _ in range(N_THREADS)]
for h in handles:
    h.join()
print(counter[0], counter[0] == N_THREADS * N_ITER)

rlock = _thread.RLock()
totals = {}
def nested(k):
    for _ in range(300):
        with rlock:
            with rlock:
                totals[k] = totals.get(k, 0) + rlock._recursion_count()
handles = [_thread.start_joinable_thread(lambda k=k: nested(k)) for k in range(4)]
for h in handles:
    h.join()
print(sorted(totals.items()), rlock._is_owned())

# timeouts: the holder keeps the lock until told to release it
held = _thread.allocate_lock()
release_now = _thread.allocate_lock()
release_now.acquire()
holding = _thread.allocate_lock()
holding.acquire()
def holder():
    held.acquire()
    holding.release()
    release_now.acquire()
    held.release()
h = _thread.start_joinable_thread(holder)
holding.acquire()
print(held.locked(), held.acquire(timeout=0.05), held.acquire(False))
r = _thread.RLock()
def rholder():
    r.acquire()
    holding.release()
    release_now.acquire()
    r.release()
release_now.release()
h.join()
print(held.locked(), held.acquire(timeout=5), held.locked())
held.release()
h = _thread.start_joinable_thread(rholder)
holding.acquire()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)
print(r._is_owned(), r.acquire(timeout=0.05), r.acquire(blocking=False))
release_now.release()
h.join()
print(r.acquire(timeout=5), r._is_owned())
r.release()

# a lock released by another thread than the one that acquired it
L = _thread.allocate_lock()
L.acquire()
h = _thread.start_joinable_thread(L.release)
h.join()
print(L.locked())
