m = __import__('sys')
print(m.__name__, type(m).__name__)
try:
    __import__('no_such_module_hopefully')
except ModuleNotFoundError as e:
    print('ModuleNotFoundError:', e, e.name)
