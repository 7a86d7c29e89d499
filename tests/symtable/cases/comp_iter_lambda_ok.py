[x for x in (lambda: 1)()]
