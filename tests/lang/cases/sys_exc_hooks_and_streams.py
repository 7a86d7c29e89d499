import sys
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdin is sys.__stdin__)
print(sys.displayhook is sys.__displayhook__, callable(sys.excepthook))
print(callable(sys.intern), sys.intern('abc') == 'abc', sys._getframe().f_code.co_name)
def f():
    return sys._getframe(1).f_code.co_name, sys._getframe().f_lineno
print(f())
