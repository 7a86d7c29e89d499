# __reduce_ex__/__reduce__/__getstate__ of builtin values, classes and callables.
import copy, copyreg
def noaddr(r):
    out = []
    while " at 0x" in r:
        i = r.index(" at 0x")
        out.append(r[:i])
        j = i + 6
        while j < len(r) and r[j] in "0123456789abcdef":
            j += 1
        r = r[j:]
    return "".join(out) + r
class C: pass
for expr in ["type.__reduce_ex__(C, 2)", "type.__reduce_ex__(C, 0)", "C.__reduce_ex__(C(), 2)[0].__name__", "object.__reduce_ex__(int, 2)",
             "int.__reduce__", "object.__reduce_ex__(3, 0)", "(3).__reduce_ex__(0)", "'ab'.__reduce_ex__(1)", "b'x'.__reduce_ex__(1)",
             "[1].__reduce_ex__(1)", "{1:2}.__reduce_ex__(1)", "(1,).__reduce_ex__(1)", "object().__reduce_ex__(-1)", "C().__reduce_ex__(1)",
             "type(None).__reduce_ex__(None, 2)", "None.__reduce_ex__(2)", "NotImplemented.__reduce__()", "Ellipsis.__reduce__()", "(1).__reduce_ex__(2)",
             "C().__getstate__()", "object.__getstate__(1)", "object.__getstate__([])", "copy.copy(NotImplemented)", "range(3).__reduce_ex__(2)",
             "slice(1).__reduce__()", "(1.5).__reduce_ex__(2)", "True.__reduce_ex__(2)", "bytearray(b'a').__reduce_ex__(2)", "bytearray(b'a').__reduce_ex__(4)",
             "enumerate([]).__reduce_ex__(2)[0]", "(lambda: 1).__reduce_ex__(2)", "copy.deepcopy(len)", "copy.copy(C).__name__"]:
    try:
        print(expr, "->", noaddr(repr(eval(expr))))
    except Exception as e:
        print(expr, "!>", type(e).__name__, e)
