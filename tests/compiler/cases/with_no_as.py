with lock:
    count += 1
