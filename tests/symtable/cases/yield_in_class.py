class C:
    x = yield
