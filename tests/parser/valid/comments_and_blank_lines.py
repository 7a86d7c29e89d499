# leading comment

# another


x = 1  # trailing


# between
def f():
    # inside

    return 1  # ret
    # after
# end
