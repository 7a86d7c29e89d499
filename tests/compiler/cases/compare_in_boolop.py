if a < b and c > d or e == f:
    pass
