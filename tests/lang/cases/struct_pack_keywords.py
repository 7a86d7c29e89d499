# The module-level pack and pack_into take no keywords (3.14 names them _struct.*).
import struct
try: struct.pack(fmt="i")
except TypeError as e: print(e)
try: struct.pack_into(fmt="i")
except TypeError as e: print(e)
