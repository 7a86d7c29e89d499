class C:
    global G
    x: G
