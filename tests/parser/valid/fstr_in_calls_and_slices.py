print(f"{a[1:2]}", f"{a[::2]}")
f"{x:{a[1:2]}}"
f"{f(*a, **k)}"
f"{a.b.c()}"
f"{lambda_}"
f"{(lambda x: x)(1)}"
