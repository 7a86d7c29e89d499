code = 'x = (1 +\n'
exec(code)
