def f():
    äöü = 1; global äöü
