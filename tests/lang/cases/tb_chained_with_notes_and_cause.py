try:
    int('x')
except ValueError as e:
    err = RuntimeError('conversion failed')
    err.add_note('while reading config')
    raise err from e
