while x:
    try:
        continue
    except E:
        break
