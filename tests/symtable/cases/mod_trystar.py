try:
    pass
except* OSError as eg:
    x = eg
