f"hello {name}!"
f"{x!r} {y:>10} {z!s:^{w}}"
