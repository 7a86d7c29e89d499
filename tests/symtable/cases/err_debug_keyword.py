f(__debug__=True)
