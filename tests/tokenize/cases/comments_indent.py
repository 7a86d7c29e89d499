def f():
    # comment
        # deeper comment
    x = 1
# top
    # again
