x = f'{a:{b}.{c}f}' + f'{d!r:^{e}}'
