inner = ExceptionGroup('inner', [KeyError('k'), IndexError('i')])
raise ExceptionGroup('outer', [inner, ValueError('v')])
