from . import a
from .. import b
from ... import c
from .... import d
from .mod import e
from ..pkg.mod import f as g
from ...x import (y)
from . import (a, b)
