# interrupt_main() from another thread: KeyboardInterrupt in the main
# thread by default, or the Python handler of the given signal, run by the
# main thread; signal numbers are checked.
import _thread, time, signal

def later():
    time.sleep(0.01)
    _thread.interrupt_main()
_thread.start_new_thread(later, ())
try:
    while True:
        pass
except KeyboardInterrupt:
    print("KeyboardInterrupt in the main thread")

got = []
def handler(signum, frame):
    got.append((signum, _thread.get_ident() == _thread._get_main_thread_ident()))
signal.signal(signal.SIGUSR1, handler)
h = _thread.start_joinable_thread(lambda: _thread.interrupt_main(signal.SIGUSR1))
h.join()
for i in range(100):
    pass
print(got)
signal.signal(signal.SIGINT, signal.SIG_IGN)
h = _thread.start_joinable_thread(lambda: _thread.interrupt_main())
h.join()
for i in range(100):
    pass
print("ignored SIGINT: no exception")
for bad in (0, -1, 1000):
    try:
        _thread.interrupt_main(bad)
    except ValueError as e:
        print("ValueError", e)
