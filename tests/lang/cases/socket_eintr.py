# PEP 475: a blocking recv interrupted by a signal whose handler returns is retried;
# a handler that raises interrupts it
import signal, socket, threading, time

a, b = socket.socketpair()
hits = []
def handler(signum, frame):
    hits.append(signum)
    if len(hits) == 1:
        # the peer writes a little later, so recv must be retried after this handler
        threading.Timer(0.1, lambda: b.send(b"after the signal")).start()
signal.signal(signal.SIGALRM, handler)
signal.setitimer(signal.ITIMER_REAL, 0.05)
print(a.recv(100), len(hits))

class Stop(Exception):
    pass
def raiser(signum, frame):
    raise Stop("from the handler")
signal.signal(signal.SIGALRM, raiser)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    a.recv(100)
except Stop as e:
    print("interrupted:", e)
a.settimeout(2)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    a.recv(100)
except Stop as e:
    print("interrupted with a timeout:", e)
a.close(); b.close()
