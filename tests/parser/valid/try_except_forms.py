try:
    pass
except:
    pass
try:
    pass
except E:
    pass
except (A, B):
    pass
except C as c:
    pass
except (D, F) as g:
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
