for w in ['a', 'é', '日本']:
    print('[' + w.center(6, '.') + ']', '[%-5s]' % w, f'[{w:>5}]')
