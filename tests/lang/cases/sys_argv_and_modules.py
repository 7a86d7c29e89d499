import sys
print(len(sys.argv), sys.argv[0].endswith('sys_argv_and_modules.py'))
print('sys' in sys.modules, 'builtins' in sys.modules, type(sys.modules).__name__)
print(sys.modules['sys'] is sys)
