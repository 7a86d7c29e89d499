# The program ends while daemon threads still run: spinning, sleeping,
# blocked on a lock, waiting for another thread; the exit is clean and
# its status is the main thread's.
import _thread, time

def spin():
    x = 0
    while True:
        x += 1
def sleeper():
    while True:
        time.sleep(0.001)
never = _thread.allocate_lock()
never.acquire()
def blocked():
    never.acquire()
    print("never printed")
started = _thread.allocate_lock()
def printer():
    started.acquire(False)
    while True:
        time.sleep(0.0005)
for f in (spin, sleeper, blocked, spin):
    _thread.start_new_thread(f, ())
h = _thread.start_joinable_thread(printer, daemon=True)
h2 = _thread.start_joinable_thread(lambda: h.join(), daemon=True)
time.sleep(0.02)

print("main thread exits")
