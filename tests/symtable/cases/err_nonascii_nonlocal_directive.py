def f():
    x = 1; nonlocal öö
