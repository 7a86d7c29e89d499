# At exit, threading._shutdown() (here a stand-in module registered as
# "threading") runs before the atexit callbacks and joins the non-daemon
# threads through _thread._shutdown(); daemon threads are not waited for.
import _thread, sys, time, atexit

class Threading:
    def _shutdown(self):
        print("threading._shutdown, finalizing:", sys.is_finalizing())
        _thread._shutdown()
        print("non-daemon threads joined; still running:", _thread._count())
sys.modules["threading"] = Threading()
atexit.register(lambda: print("atexit callback, finalizing:", sys.is_finalizing()))

order = []
lock = _thread.allocate_lock()
def work(n):
    time.sleep(0.02 * n)
    with lock:
        order.append(n)
        print("worker", n, "done", order)
for n in (1, 2, 3):
    _thread.start_joinable_thread(lambda n=n: work(n), daemon=False)
def forever():
    while True:
        time.sleep(0.005)
_thread.start_joinable_thread(forever, daemon=True)
print("main done")
