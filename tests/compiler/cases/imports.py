import os
import os.path
import a.b.c as d
from x import y
from x import y as z, w
from . import q
from ..p import r
from m import *
