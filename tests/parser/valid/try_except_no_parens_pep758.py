try:
    pass
except A, B:
    pass
except C, D, E:
    pass
except (F, G) as e:
    pass
try:
    pass
except* A, B:
    pass
