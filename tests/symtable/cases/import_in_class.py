class C:
    import os
    from x import y
