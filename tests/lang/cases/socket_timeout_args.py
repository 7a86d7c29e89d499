# settimeout argument conversion: None, ints, floats, overflow and NaN errors
import socket
s=socket.socket()
for v in (1e300, float('inf'), float('nan'), 2**70, -2**70, 10**10, 9*10**9, 1e10, True, -1, -0.5, 0, 0.25, "1", None):
  try: s.settimeout(v); print(repr(v), s.gettimeout())
  except Exception as e: print(repr(v), type(e).__name__, e)
s.close()
