def f(x):
    return x['key']
value = f(
    {'other': 1}
)
