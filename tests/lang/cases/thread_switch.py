# The switch interval: CPU-bound threads do not starve each other or the
# main thread, and a thread runs while the main thread sleeps.
import _thread, sys, time

print(sys.getswitchinterval())
stop = []
progress = [0, 0]
def spin(k):
    while not stop:
        progress[k] += 1
spinners = [_thread.start_joinable_thread(lambda k=k: spin(k)) for k in (0, 1)]
# the main thread does CPU work while two CPU-bound threads run
total = 0
for i in range(200000):
    total += i
print(total)
# busy-wait until both spinners have made progress: needs switching
while not (progress[0] > 1000 and progress[1] > 1000):
    pass
stop.append(True)
for h in spinners:
    h.join()
print("both spinners ran")

# a thread works while the main thread sleeps
ticks = []
def ticker():
    for i in range(5):
        ticks.append(i)
h = _thread.start_joinable_thread(ticker)
time.sleep(0.05)
print(ticks, h.is_done())
h.join()

# a tiny interval still works, and a big one (the waiter asks after it)
sys.setswitchinterval(1e-6)
print(sys.getswitchinterval())
flag = []
h = _thread.start_joinable_thread(lambda: flag.append(1))
while not flag:
    pass
h.join()
sys.setswitchinterval(0.02)
flag.clear()
h = _thread.start_joinable_thread(lambda: flag.append(2))
while not flag:
    pass
h.join()
print(flag, sys.getswitchinterval())
for bad in (0, -1.0):
    try:
        sys.setswitchinterval(bad)
    except ValueError as e:
        print("ValueError", e)
sys.setswitchinterval(1e-9)
print(sys.getswitchinterval())
sys.setswitchinterval(0.0123456789)
print(sys.getswitchinterval())
