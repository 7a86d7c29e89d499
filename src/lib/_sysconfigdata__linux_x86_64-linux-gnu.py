# _sysconfigdata__linux_x86_64-linux-gnu: the build-time variables that
# sysconfig.get_config_vars() reports for Adder (CPython generates this file
# when it is built; the pinned library's own copy is pyodide's and is
# dropped). Adder builds no C extensions, so the extension-building entries
# describe Adder's toolchain but are not a promise that extensions load.
build_time_vars = {
    'ABIFLAGS': '',
    'CC': 'gcc',
    'CFLAGS': '-O2',
    'CCSHARED': '-fPIC',
    'EXE': '',
    'EXT_SUFFIX': '.adder-314-x86_64-linux-gnu.so',
    'HOST_GNU_TYPE': 'x86_64-pc-linux-gnu',
    'LDSHARED': 'gcc -shared',
    'LIBDIR': '/usr/local/lib',
    'MACHDEP': 'linux',
    'MULTIARCH': 'x86_64-linux-gnu',
    'Py_DEBUG': 0,
    'Py_ENABLE_SHARED': 0,
    'Py_GIL_DISABLED': 0,
    'SHLIB_SUFFIX': '.so',
    'SIZEOF_VOID_P': 8,
    'SOABI': 'adder-314-x86_64-linux-gnu',
    'VERSION': '3.14',
    'WITH_DOC_STRINGS': 1,
    'prefix': '/usr/local',
    'exec_prefix': '/usr/local',
}
