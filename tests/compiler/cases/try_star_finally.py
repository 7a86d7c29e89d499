try:
    f()
except* E:
    pass
finally:
    g()
