x = [1, \
     2]
import os, \
    sys
from a import \
    b
del a, \
    b
