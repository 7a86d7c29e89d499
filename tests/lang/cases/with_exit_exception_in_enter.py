class BadEnter:
    def __enter__(self): raise RuntimeError('enter failed')
    def __exit__(self, *a):
        print('exit should not run')
class Ok:
    def __enter__(self): print('ok enter')
    def __exit__(self, *a): print('ok exit')
try:
    with Ok(), BadEnter():
        print('body')
except RuntimeError as e:
    print('caught', e)
