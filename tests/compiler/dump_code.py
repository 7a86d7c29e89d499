"""dump_code.py: the canonical dump of the code objects CPython 3.14 makes
of a source file -- the module code object and every code object nested in
its co_consts, depth first.  `adder -X dump_code FILE` prints exactly the
same from Adder's compiler (src/compiler/compile_dump.c).

    dump_code.py FILE                 print the dump to stdout
    dump_code.py --batch OUTDIR FILE...   write OUTDIR/<basename>.dump each
    dump_code.py --tree OUTDIR FILE...    the same, named by the relative path
                                          with '/' turned into '.' (stdlib runs)

A file that does not compile prints one line
"Type|msg|lineno|offset|end_lineno|end_offset".  SyntaxWarnings met while
compiling come first, one line each: "SyntaxWarning|msg|lineno".
Frozenset constants print their items sorted by repr (their iteration
order depends on string hashing).
"""
import os
import sys
import types
import warnings


def const_repr(c):
    if isinstance(c, types.CodeType):
        return "<code %s>" % c.co_qualname
    if type(c) is tuple:
        items = [const_repr(x) for x in c]
        if len(items) == 1:
            return "(%s,)" % items[0]
        return "(%s)" % ", ".join(items)
    if type(c) is frozenset:
        if not c:
            return "frozenset()"
        return "frozenset({%s})" % ", ".join(sorted(const_repr(x) for x in c))
    return repr(c)


def tup(t):
    t = list(t)
    if len(t) == 1:
        return "(%s,)" % t[0]
    return "(" + ", ".join(t) + ")"


def dump(co, out):
    out.append("== code %s" % co.co_qualname)
    out.append("name: %s" % co.co_name)
    out.append("flags: 0x%08x" % co.co_flags)
    out.append("argcount: %d posonly: %d kwonly: %d nlocals: %d"
               % (co.co_argcount, co.co_posonlyargcount,
                  co.co_kwonlyargcount, co.co_nlocals))
    out.append("stacksize: %d" % co.co_stacksize)
    out.append("firstlineno: %d" % co.co_firstlineno)
    out.append("varnames: " + tup(co.co_varnames))
    out.append("cellvars: " + tup(co.co_cellvars))
    out.append("freevars: " + tup(co.co_freevars))
    out.append("names: " + tup(co.co_names))
    out.append("consts: " + tup([const_repr(c) for c in co.co_consts]))
    out.append("code: " + co.co_code.hex())
    out.append("exceptiontable: " + co.co_exceptiontable.hex())
    out.append("linetable: " + co.co_linetable.hex())
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            dump(c, out)


def dump_file(path):
    out = []
    with open(path, "rb") as f:
        src = f.read()
    with warnings.catch_warnings(record=True) as ws:
        warnings.simplefilter("always")
        try:
            co = compile(src, path, "exec", dont_inherit=True)
        except SyntaxError as e:
            co = None
            err = "%s|%s|%s|%s|%s|%s" % (type(e).__name__, e.msg, e.lineno,
                                         e.offset, e.end_lineno, e.end_offset)
    for w in ws:
        out.append("%s|%s|%s" % (w.category.__name__, w.message, w.lineno))
    if co is None:
        out.append(err)
    else:
        dump(co, out)
    return "\n".join(out) + "\n"


def main(argv):
    if len(argv) >= 3 and argv[1] == "--tree":
        outdir = argv[2]
        for path in argv[3:]:
            name = os.path.splitext(path)[0].replace("/", ".")
            with open(os.path.join(outdir, name + ".dump"), "w") as f:
                f.write(dump_file(path))
        return 0
    if len(argv) >= 3 and argv[1] == "--batch":
        outdir = argv[2]
        for path in argv[3:]:
            name = os.path.splitext(os.path.basename(path))[0]
            with open(os.path.join(outdir, name + ".dump"), "w") as f:
                f.write(dump_file(path))
        return 0
    sys.stdout.write(dump_file(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
