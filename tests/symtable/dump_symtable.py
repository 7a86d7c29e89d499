"""tests/symtable/dump_symtable.py -- CPython's side of `adder -X dump_symtable`.

Usage: py314 dump_symtable.py FILE...            print each file's dump to stdout
       py314 dump_symtable.py --outdir DIR FILE...  write DIR/NAME.out per file

Prints the symbol table CPython 3.14 builds for the file (read as bytes, as
`_symtable.symtable(source, path, 'exec')` sees it), in the format of
src/compiler/symtable_dump.c:

  TABLE <type> <name> line <lineno> nested <0|1>
    VARNAMES[ <name>]...
    SYM <name> <SCOPE> <FLAG>[|<FLAG>]...     (symbols sorted by name)
    <children, indented by two more spaces>

or, when the parser or the symbol table raises SyntaxError (or a subclass),
the single line Type|msg|lineno|offset|end_lineno|end_offset.
"""
import os
import sys
import _symtable

TYPES = {
    _symtable.TYPE_FUNCTION: "function",
    _symtable.TYPE_CLASS: "class",
    _symtable.TYPE_MODULE: "module",
    _symtable.TYPE_ANNOTATION: "annotation",
    _symtable.TYPE_TYPE_ALIAS: "type_alias",
    _symtable.TYPE_TYPE_PARAMETERS: "type_parameters",
    _symtable.TYPE_TYPE_VARIABLE: "type_variable",
}
SCOPES = ["NONE", "LOCAL", "GLOBAL_EXPLICIT", "GLOBAL_IMPLICIT", "FREE", "CELL"]
FLAGS = [
    (_symtable.DEF_GLOBAL, "DEF_GLOBAL"),
    (_symtable.DEF_LOCAL, "DEF_LOCAL"),
    (_symtable.DEF_PARAM, "DEF_PARAM"),
    (_symtable.DEF_NONLOCAL, "DEF_NONLOCAL"),
    (_symtable.USE, "USE"),
    (32, "DEF_FREE"),
    (_symtable.DEF_FREE_CLASS, "DEF_FREE_CLASS"),
    (_symtable.DEF_IMPORT, "DEF_IMPORT"),
    (_symtable.DEF_ANNOT, "DEF_ANNOT"),
    (_symtable.DEF_COMP_ITER, "DEF_COMP_ITER"),
    (_symtable.DEF_TYPE_PARAM, "DEF_TYPE_PARAM"),
    (_symtable.DEF_COMP_CELL, "DEF_COMP_CELL"),
]
OFF = _symtable.SCOPE_OFF
MASK = _symtable.SCOPE_MASK


def flag_names(v):
    names = [n for bit, n in FLAGS if v & bit]
    return "|".join(names) if names else "-"


def dump_table(t, out, indent=0):
    pad = " " * indent
    out.append(f"{pad}TABLE {TYPES[t.type]} {t.name} line {t.lineno} nested {int(bool(t.nested))}")
    out.append(f"{pad}  VARNAMES" + "".join(" " + n for n in t.varnames))
    for name in sorted(t.symbols):
        v = t.symbols[name]
        scope = (v >> OFF) & MASK
        out.append(f"{pad}  SYM {name} {SCOPES[scope]} {flag_names(v & ((1 << OFF) - 1))}")
    for c in t.children:
        dump_table(c, out, indent + 2)


def dump_file(path):
    with open(path, "rb") as f:
        src = f.read()
    out = []
    try:
        top = _symtable.symtable(src, path, "exec")
    except SyntaxError as e:
        msg = str(e.msg).replace("\n", "\\n")
        return f"{type(e).__name__}|{msg}|{e.lineno}|{e.offset}|{e.end_lineno}|{e.end_offset}\n"
    dump_table(top, out)
    return "\n".join(out) + "\n"


def main(argv):
    if argv and argv[0] == "--outdir":
        outdir = argv[1]
        os.makedirs(outdir, exist_ok=True)
        for path in argv[2:]:
            name = os.path.basename(path)
            if name.endswith(".py"):
                name = name[:-3]
            try:
                text = dump_file(path)
            except Exception as e:  # keep going over a big corpus
                text = f"ERROR {type(e).__name__}: {e}\n"
            with open(os.path.join(outdir, name + ".out"), "w", encoding="utf-8") as f:
                f.write(text)
        return 0
    for path in argv:
        sys.stdout.write(dump_file(path))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
