t = t"{name:{spec}} {other!s}"
