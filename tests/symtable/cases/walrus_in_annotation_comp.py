def f() -> [y := 1 for z in w]: pass
