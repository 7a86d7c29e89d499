try:
    pass
except (A, B) as:
    pass
