t"{a b}"
