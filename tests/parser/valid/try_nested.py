try:
    try:
        x()
    except E:
        raise F from None
    finally:
        cleanup()
except F as f:
    del f
