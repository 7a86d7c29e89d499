from . import a
from .. import b
from .c import d as e
