import signal
print(signal.SIGINT, signal.SIG_DFL, signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGUSR1))
def h(s, f):
    print("got", s)
old = signal.signal(signal.SIGUSR1, h)
print(old)
signal.raise_signal(signal.SIGUSR1)
print("after")
print(signal.getsignal(signal.SIGUSR1) is h)
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
signal.raise_signal(signal.SIGUSR1)
print(signal.getsignal(signal.SIGUSR1))
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("KI")
def boom(s, f): raise ValueError("boom")
signal.signal(signal.SIGALRM, boom)
import time
signal.alarm(1)
try:
    time.sleep(3)
except ValueError as e:
    print("interrupted", e)
try: signal.signal(signal.SIGUSR1, "x")
except TypeError as e: print(e)
try: signal.getsignal(0)
except ValueError as e: print(e)
print(signal.strsignal(signal.SIGTERM))
