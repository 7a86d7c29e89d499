try:
    a = 1
except ValueError as e:
    b = e
except* TypeError:
    pass
else:
    c = 1
finally:
    d = 1
