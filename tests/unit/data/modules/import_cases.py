import sys
print("math" in sys.builtin_module_names)
import math, errno
print(math, errno.ENOENT, errno.errorcode[11], errno.errorcode[95])
try:
    import nosuch
except ModuleNotFoundError as e:
    print(repr(e), e.name)
try:
    import math.foo
except ModuleNotFoundError as e:
    print(repr(e), e.name)
sys.modules['blocked'] = None
try:
    import blocked
except ModuleNotFoundError as e:
    print(repr(e), e.name)
try:
    from . import x
except ImportError as e:
    print(repr(e))
print(__import__('sys') is sys)
try:
    __import__('')
except ValueError as e: print(e)
try:
    __import__('x', level=-1)
except ValueError as e: print(e)
try:
    __import__(1)
except TypeError as e: print(e)
try:
    __import__('x', {'__package__': 'a'}, level=2)
except ImportError as e: print(e)
from math import pi as p
try:
    from math import nosuch
except ImportError as e: print(repr(e), e.name, e.path)
