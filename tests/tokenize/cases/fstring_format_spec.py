f"{x:%Y-%m-%d}" f"{x:{width}.{prec}f}" f"{x!a}"
