class C:
    try:
        x: int
    finally:
        pass
