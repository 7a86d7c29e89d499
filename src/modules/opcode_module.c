/* opcode_module.c: the `_opcode` module behind Lib/opcode.py and dis:
 * is_valid and the has_* predicates (from the flag table opcode_flags.h),
 * stack_effect (the compiler room's AdOpcode_StackEffect), the names of
 * the intrinsics, binary operators and special methods the 3.14 bytecode
 * refers to by number, and the specialization switches. Adder runs
 * CPython 3.14's bytecode, so the facts are CPython's. */
#include "compiler/instructions.h"
#include "import/builtin_modules.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "modules/opcode_flags.h"

static int flags_of(int op, int *valid)
{
    for (size_t i = 0; i < sizeof opcode_flags / sizeof *opcode_flags; i++)
        if (opcode_flags[i].op == op) {
            *valid = 1;
            return opcode_flags[i].flags;
        }
    *valid = 0;
    return 0;
}

static int opcode_arg(AdObject *o, int *op)
{
    int64_t v;
    if (!AdInt_Check(o)) {
        AdErr_Format(AdExc_TypeError, "'%s' object cannot be interpreted as an integer", AdType_Name(AD_TYPE(o)));
        return -1;
    }
    if (!AdInt_AsInt64Exact(o, &v) || v > 0x7fffffff || v < -0x7fffffffLL - 1) {
        AdErr_SetString(AdExc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *op = (int)v;
    return 0;
}

static AdObject *predicate(AdObject *arg, int flag)
{
    int op, valid;
    if (opcode_arg(arg, &op) < 0)
        return NULL;
    int f = flags_of(op, &valid);
    return Ad_NewRef(valid && (flag == 0 || (f & flag)) ? Ad_True : Ad_False);
}

static AdObject *op_is_valid(AdObject *m, AdObject *a) { (void)m; return predicate(a, 0); }
static AdObject *op_has_arg(AdObject *m, AdObject *a) { (void)m; return predicate(a, OPF_ARG); }
static AdObject *op_has_const(AdObject *m, AdObject *a) { (void)m; return predicate(a, OPF_CONST); }
static AdObject *op_has_name(AdObject *m, AdObject *a) { (void)m; return predicate(a, OPF_NAME); }
static AdObject *op_has_jump(AdObject *m, AdObject *a) { (void)m; return predicate(a, OPF_JUMP); }
static AdObject *op_has_free(AdObject *m, AdObject *a) { (void)m; return predicate(a, OPF_FREE); }
static AdObject *op_has_local(AdObject *m, AdObject *a) { (void)m; return predicate(a, OPF_LOCAL); }
static AdObject *op_has_exc(AdObject *m, AdObject *a) { (void)m; return predicate(a, OPF_EXC); }

static AdObject *op_stack_effect(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"", "", "jump", NULL};
    AdObject *a[3];
    if (AdArg_Parse("stack_effect", args, nargs, kwnames, names, 2, 1, a) < 0)
        return NULL;
    int op, oparg = 0, valid;
    if (opcode_arg(a[0], &op) < 0)
        return NULL;
    if (a[1] && a[1] != Ad_None && opcode_arg(a[1], &oparg) < 0)
        return NULL;
    int jump = -1;
    if (a[2] && a[2] != Ad_None) {
        if (a[2] == Ad_True)
            jump = 1;
        else if (a[2] == Ad_False)
            jump = 0;
        else {
            AdErr_SetString(AdExc_ValueError, "stack_effect: jump must be False, True or None");
            return NULL;
        }
    }
    flags_of(op, &valid);
    int ok0 = 0, ok1 = 0;
    int e0 = valid && op < 256 ? AdOpcode_StackEffect(op, oparg, 0, &ok0) : 0;
    int e1 = valid ? AdOpcode_StackEffect(op, oparg, 1, &ok1) : 0;
    if (!valid || !ok0 || !ok1) {
        if (valid && op >= 256 && ok1 && jump != 0)
            return AdInt_FromInt64(e1);
        AdErr_SetString(AdExc_ValueError, "invalid opcode or oparg");
        return NULL;
    }
    return AdInt_FromInt64(jump == 0 ? e0 : jump == 1 ? e1 : (e0 > e1 ? e0 : e1));
}

static AdObject *str_list(const char *const *items, size_t n)
{
    AdObject *l = AdList_New(0);
    for (size_t i = 0; l && i < n; i++) {
        AdObject *s = AdStr_FromString(items[i]);
        if (!s || AdList_Append(l, s) < 0)
            AD_CLEAR(l);
        Ad_XDECREF(s);
    }
    return l;
}

static AdObject *op_intrinsic1(AdObject *m, AdObject *u)
{
    (void)m, (void)u;
    static const char *const d[] = {"INTRINSIC_1_INVALID", "INTRINSIC_PRINT", "INTRINSIC_IMPORT_STAR",
                                    "INTRINSIC_STOPITERATION_ERROR", "INTRINSIC_ASYNC_GEN_WRAP",
                                    "INTRINSIC_UNARY_POSITIVE", "INTRINSIC_LIST_TO_TUPLE", "INTRINSIC_TYPEVAR",
                                    "INTRINSIC_PARAMSPEC", "INTRINSIC_TYPEVARTUPLE",
                                    "INTRINSIC_SUBSCRIPT_GENERIC", "INTRINSIC_TYPEALIAS"};
    return str_list(d, sizeof d / sizeof *d);
}

static AdObject *op_intrinsic2(AdObject *m, AdObject *u)
{
    (void)m, (void)u;
    static const char *const d[] = {"INTRINSIC_2_INVALID", "INTRINSIC_PREP_RERAISE_STAR",
                                    "INTRINSIC_TYPEVAR_WITH_BOUND", "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS",
                                    "INTRINSIC_SET_FUNCTION_TYPE_PARAMS", "INTRINSIC_SET_TYPEPARAM_DEFAULT"};
    return str_list(d, sizeof d / sizeof *d);
}

static AdObject *op_special_methods(AdObject *m, AdObject *u)
{
    (void)m, (void)u;
    static const char *const d[] = {"__enter__", "__exit__", "__aenter__", "__aexit__"};
    return str_list(d, sizeof d / sizeof *d);
}

static AdObject *op_nb_ops(AdObject *m, AdObject *u)
{
    (void)m, (void)u;
    static const char *const d[][2] = {
        {"NB_ADD", "+"}, {"NB_AND", "&"}, {"NB_FLOOR_DIVIDE", "//"}, {"NB_LSHIFT", "<<"},
        {"NB_MATRIX_MULTIPLY", "@"}, {"NB_MULTIPLY", "*"}, {"NB_REMAINDER", "%"}, {"NB_OR", "|"},
        {"NB_POWER", "**"}, {"NB_RSHIFT", ">>"}, {"NB_SUBTRACT", "-"}, {"NB_TRUE_DIVIDE", "/"},
        {"NB_XOR", "^"}, {"NB_INPLACE_ADD", "+="}, {"NB_INPLACE_AND", "&="},
        {"NB_INPLACE_FLOOR_DIVIDE", "//="}, {"NB_INPLACE_LSHIFT", "<<="}, {"NB_INPLACE_MATRIX_MULTIPLY", "@="},
        {"NB_INPLACE_MULTIPLY", "*="}, {"NB_INPLACE_REMAINDER", "%="}, {"NB_INPLACE_OR", "|="},
        {"NB_INPLACE_POWER", "**="}, {"NB_INPLACE_RSHIFT", ">>="}, {"NB_INPLACE_SUBTRACT", "-="},
        {"NB_INPLACE_TRUE_DIVIDE", "/="}, {"NB_INPLACE_XOR", "^="}, {"NB_SUBSCR", "[]"},
    };
    AdObject *l = AdList_New(0);
    for (size_t i = 0; l && i < sizeof d / sizeof *d; i++) {
        AdObject *a = AdStr_FromString(d[i][0]), *b = AdStr_FromString(d[i][1]);
        AdObject *t = a && b ? AdTuple_Pack(2, a, b) : NULL;
        if (!t || AdList_Append(l, t) < 0)
            AD_CLEAR(l);
        Ad_XDECREF(a);
        Ad_XDECREF(b);
        Ad_XDECREF(t);
    }
    return l;
}

static AdObject *op_none(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m, (void)args, (void)nargs;
    return Ad_NewRef(Ad_None);
}

static AdObject *op_get_executor(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m, (void)args;
    if (AdArg_CheckPositional("get_executor", nargs, 2, 2) < 0)
        return NULL;
    AdErr_SetString(AdExc_ValueError, "no executor at given byte offset");
    return NULL;
}

static AdMethodDef opcode_methods[] = {
    {"stack_effect", (void (*)(void))op_stack_effect, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Compute the stack effect of the opcode."},
    {"is_valid", (void (*)(void))op_is_valid, AD_METH_O, "Return True if opcode is valid, False otherwise."},
    {"has_arg", (void (*)(void))op_has_arg, AD_METH_O, "Return True if the opcode uses its oparg, False otherwise."},
    {"has_const", (void (*)(void))op_has_const, AD_METH_O, "Return True if the opcode accesses a constant, False otherwise."},
    {"has_name", (void (*)(void))op_has_name, AD_METH_O, "Return True if the opcode accesses an attribute by name, False otherwise."},
    {"has_jump", (void (*)(void))op_has_jump, AD_METH_O, "Return True if the opcode has a jump target, False otherwise."},
    {"has_free", (void (*)(void))op_has_free, AD_METH_O, "Return True if the opcode accesses a free variable, False otherwise."},
    {"has_local", (void (*)(void))op_has_local, AD_METH_O, "Return True if the opcode accesses a local variable, False otherwise."},
    {"has_exc", (void (*)(void))op_has_exc, AD_METH_O, "Return True if the opcode sets an exception handler, False otherwise."},
    {"get_intrinsic1_descs", (void (*)(void))op_intrinsic1, AD_METH_NOARGS, "Return a list of names of the unary intrinsics."},
    {"get_intrinsic2_descs", (void (*)(void))op_intrinsic2, AD_METH_NOARGS, "Return a list of names of the binary intrinsics."},
    {"get_special_method_names", (void (*)(void))op_special_methods, AD_METH_NOARGS, "Return a list of special method names."},
    {"get_nb_ops", (void (*)(void))op_nb_ops, AD_METH_NOARGS, "Return array of symbols of binary ops."},
    {"get_specialization_stats", (void (*)(void))op_none, AD_METH_FASTCALL, "Return the specialization stats"},
    {"get_executor", (void (*)(void))op_get_executor, AD_METH_FASTCALL, "Return the executor object at offset in code if exists"},
    {NULL, NULL, 0, NULL},
};

AdObject *AdModule_InitOpcode(void)
{
    AdObject *m = AdModule_New("_opcode");
    if (!m)
        return NULL;
    if (AdModule_AddFunctions(m, opcode_methods) < 0 ||
        AdModule_AddIntConstant(m, "ENABLE_SPECIALIZATION", 1) < 0 ||
        AdModule_AddIntConstant(m, "ENABLE_SPECIALIZATION_FT", 1) < 0 ||
        AdModule_SetDocString(m, "Opcode support module.") < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
