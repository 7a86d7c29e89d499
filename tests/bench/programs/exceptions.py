# exceptions.py: raising and catching exceptions, with and without handlers deep in calls.
class AppError(Exception):
    pass

def check(i):
    if i % 3 == 0:
        raise AppError(i)
    if i % 5 == 0:
        raise KeyError(i)
    return i

caught = {"app": 0, "key": 0, "ok": 0}
for i in range(200000):
    try:
        check(i)
    except AppError:
        caught["app"] += 1
    except KeyError:
        caught["key"] += 1
    else:
        caught["ok"] += 1
    finally:
        pass
print(caught)
