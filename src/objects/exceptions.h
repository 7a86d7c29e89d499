/* exceptions.h: the builtin exception hierarchy of Python 3.14 as static
 * types, and the instance layouts that carry attributes (args, notes,
 * __traceback__, __context__, __cause__, __suppress_context__; OSError's
 * errno/strerror/filename; SyntaxError's msg/filename/lineno/offset/text/
 * end_lineno/end_offset/print_file_and_line; StopIteration.value;
 * SystemExit.code; ImportError.name/path/name_from; AttributeError and
 * NameError name/obj; UnicodeError fields; BaseExceptionGroup). */
#ifndef ADDER_OBJECTS_EXCEPTIONS_H
#define ADDER_OBJECTS_EXCEPTIONS_H
#include "objects/object.h"

typedef struct {
    AdObject_HEAD;
    AdObject *dict;
    AdObject *args;             /* tuple */
    AdObject *notes;            /* __notes__ list or NULL */
    AdObject *traceback;
    AdObject *context;
    AdObject *cause;
    char suppress_context;
} AdBaseExceptionObject;

#define AD_EXC_TYPES(X) \
    X(BaseException) X(BaseExceptionGroup) X(ExceptionGroup) X(Exception) \
    X(GeneratorExit) X(KeyboardInterrupt) X(SystemExit) \
    X(ArithmeticError) X(FloatingPointError) X(OverflowError) X(ZeroDivisionError) \
    X(AssertionError) X(AttributeError) X(BufferError) X(EOFError) \
    X(ImportError) X(ModuleNotFoundError) X(LookupError) X(IndexError) X(KeyError) \
    X(MemoryError) X(NameError) X(UnboundLocalError) \
    X(OSError) X(BlockingIOError) X(ChildProcessError) X(ConnectionError) \
    X(BrokenPipeError) X(ConnectionAbortedError) X(ConnectionRefusedError) \
    X(ConnectionResetError) X(FileExistsError) X(FileNotFoundError) X(InterruptedError) \
    X(IsADirectoryError) X(NotADirectoryError) X(PermissionError) X(ProcessLookupError) \
    X(TimeoutError) X(ReferenceError) X(RuntimeError) X(NotImplementedError) \
    X(PythonFinalizationError) X(RecursionError) X(StopAsyncIteration) X(StopIteration) \
    X(SyntaxError) X(IndentationError) X(TabError) X(_IncompleteInputError) \
    X(SystemError) X(TypeError) X(ValueError) X(UnicodeError) X(UnicodeDecodeError) \
    X(UnicodeEncodeError) X(UnicodeTranslateError) \
    X(Warning) X(BytesWarning) X(DeprecationWarning) X(EncodingWarning) X(FutureWarning) \
    X(ImportWarning) X(PendingDeprecationWarning) X(ResourceWarning) X(RuntimeWarning) \
    X(SyntaxWarning) X(UnicodeWarning) X(UserWarning)

#define AD_DECLARE_EXC(name) extern AdTypeObject AdExcType_##name;
AD_EXC_TYPES(AD_DECLARE_EXC)
#undef AD_DECLARE_EXC

/* The exception classes as objects, for AdErr_SetString and friends. */
#define AdExc_BaseException ((AdObject *)&AdExcType_BaseException)
#define AdExc_BaseExceptionGroup ((AdObject *)&AdExcType_BaseExceptionGroup)
#define AdExc_ExceptionGroup ((AdObject *)&AdExcType_ExceptionGroup)
#define AdExc_Exception ((AdObject *)&AdExcType_Exception)
#define AdExc_GeneratorExit ((AdObject *)&AdExcType_GeneratorExit)
#define AdExc_KeyboardInterrupt ((AdObject *)&AdExcType_KeyboardInterrupt)
#define AdExc_SystemExit ((AdObject *)&AdExcType_SystemExit)
#define AdExc_ArithmeticError ((AdObject *)&AdExcType_ArithmeticError)
#define AdExc_FloatingPointError ((AdObject *)&AdExcType_FloatingPointError)
#define AdExc_OverflowError ((AdObject *)&AdExcType_OverflowError)
#define AdExc_ZeroDivisionError ((AdObject *)&AdExcType_ZeroDivisionError)
#define AdExc_AssertionError ((AdObject *)&AdExcType_AssertionError)
#define AdExc_AttributeError ((AdObject *)&AdExcType_AttributeError)
#define AdExc_BufferError ((AdObject *)&AdExcType_BufferError)
#define AdExc_EOFError ((AdObject *)&AdExcType_EOFError)
#define AdExc_ImportError ((AdObject *)&AdExcType_ImportError)
#define AdExc_ModuleNotFoundError ((AdObject *)&AdExcType_ModuleNotFoundError)
#define AdExc_LookupError ((AdObject *)&AdExcType_LookupError)
#define AdExc_IndexError ((AdObject *)&AdExcType_IndexError)
#define AdExc_KeyError ((AdObject *)&AdExcType_KeyError)
#define AdExc_MemoryError ((AdObject *)&AdExcType_MemoryError)
#define AdExc_NameError ((AdObject *)&AdExcType_NameError)
#define AdExc_UnboundLocalError ((AdObject *)&AdExcType_UnboundLocalError)
#define AdExc_OSError ((AdObject *)&AdExcType_OSError)
#define AdExc_BlockingIOError ((AdObject *)&AdExcType_BlockingIOError)
#define AdExc_ChildProcessError ((AdObject *)&AdExcType_ChildProcessError)
#define AdExc_ConnectionError ((AdObject *)&AdExcType_ConnectionError)
#define AdExc_BrokenPipeError ((AdObject *)&AdExcType_BrokenPipeError)
#define AdExc_ConnectionAbortedError ((AdObject *)&AdExcType_ConnectionAbortedError)
#define AdExc_ConnectionRefusedError ((AdObject *)&AdExcType_ConnectionRefusedError)
#define AdExc_ConnectionResetError ((AdObject *)&AdExcType_ConnectionResetError)
#define AdExc_FileExistsError ((AdObject *)&AdExcType_FileExistsError)
#define AdExc_FileNotFoundError ((AdObject *)&AdExcType_FileNotFoundError)
#define AdExc_InterruptedError ((AdObject *)&AdExcType_InterruptedError)
#define AdExc_IsADirectoryError ((AdObject *)&AdExcType_IsADirectoryError)
#define AdExc_NotADirectoryError ((AdObject *)&AdExcType_NotADirectoryError)
#define AdExc_PermissionError ((AdObject *)&AdExcType_PermissionError)
#define AdExc_ProcessLookupError ((AdObject *)&AdExcType_ProcessLookupError)
#define AdExc_TimeoutError ((AdObject *)&AdExcType_TimeoutError)
#define AdExc_ReferenceError ((AdObject *)&AdExcType_ReferenceError)
#define AdExc_RuntimeError ((AdObject *)&AdExcType_RuntimeError)
#define AdExc_NotImplementedError ((AdObject *)&AdExcType_NotImplementedError)
#define AdExc_PythonFinalizationError ((AdObject *)&AdExcType_PythonFinalizationError)
#define AdExc_RecursionError ((AdObject *)&AdExcType_RecursionError)
#define AdExc_StopAsyncIteration ((AdObject *)&AdExcType_StopAsyncIteration)
#define AdExc_StopIteration ((AdObject *)&AdExcType_StopIteration)
#define AdExc_SyntaxError ((AdObject *)&AdExcType_SyntaxError)
#define AdExc_IndentationError ((AdObject *)&AdExcType_IndentationError)
#define AdExc_TabError ((AdObject *)&AdExcType_TabError)
#define AdExc__IncompleteInputError ((AdObject *)&AdExcType__IncompleteInputError)
#define AdExc_SystemError ((AdObject *)&AdExcType_SystemError)
#define AdExc_TypeError ((AdObject *)&AdExcType_TypeError)
#define AdExc_ValueError ((AdObject *)&AdExcType_ValueError)
#define AdExc_UnicodeError ((AdObject *)&AdExcType_UnicodeError)
#define AdExc_UnicodeDecodeError ((AdObject *)&AdExcType_UnicodeDecodeError)
#define AdExc_UnicodeEncodeError ((AdObject *)&AdExcType_UnicodeEncodeError)
#define AdExc_UnicodeTranslateError ((AdObject *)&AdExcType_UnicodeTranslateError)
#define AdExc_Warning ((AdObject *)&AdExcType_Warning)
#define AdExc_BytesWarning ((AdObject *)&AdExcType_BytesWarning)
#define AdExc_DeprecationWarning ((AdObject *)&AdExcType_DeprecationWarning)
#define AdExc_EncodingWarning ((AdObject *)&AdExcType_EncodingWarning)
#define AdExc_FutureWarning ((AdObject *)&AdExcType_FutureWarning)
#define AdExc_ImportWarning ((AdObject *)&AdExcType_ImportWarning)
#define AdExc_PendingDeprecationWarning ((AdObject *)&AdExcType_PendingDeprecationWarning)
#define AdExc_ResourceWarning ((AdObject *)&AdExcType_ResourceWarning)
#define AdExc_RuntimeWarning ((AdObject *)&AdExcType_RuntimeWarning)
#define AdExc_SyntaxWarning ((AdObject *)&AdExcType_SyntaxWarning)
#define AdExc_UnicodeWarning ((AdObject *)&AdExcType_UnicodeWarning)
#define AdExc_UserWarning ((AdObject *)&AdExcType_UserWarning)

#define AdExceptionInstance_Check(o) AdType_HasFeature(AD_TYPE(o), AD_TPFLAGS_BASE_EXC_SUBCLASS)
#define AdExceptionClass_Check(o) \
    (AdType_HasFeature(AD_TYPE(o), AD_TPFLAGS_TYPE_SUBCLASS) && \
     AdType_HasFeature((AdTypeObject *)(o), AD_TPFLAGS_BASE_EXC_SUBCLASS))

/* Readies every exception type (core init). 0 or -1. */
int ad_exceptions_init(void);

/* Accessors of the common attributes (borrowed refs, may be NULL). */
AdObject *AdException_GetTraceback(AdObject *exc);
int AdException_SetTraceback(AdObject *exc, AdObject *tb);   /* tb may be None */
AdObject *AdException_GetContext(AdObject *exc);
void AdException_SetContext(AdObject *exc, AdObject *ctx);   /* steals ctx */
AdObject *AdException_GetCause(AdObject *exc);
void AdException_SetCause(AdObject *exc, AdObject *cause);   /* steals cause */
AdObject *AdException_GetArgs(AdObject *exc);

/* The OSError subclass that an errno value maps to (borrowed). */
AdObject *AdExc_OSErrorForErrno(int err);

#endif
