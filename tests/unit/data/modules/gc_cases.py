import gc
print(gc.isenabled()); gc.disable(); print(gc.isenabled()); gc.enable()
print(gc.get_threshold()); gc.set_threshold(700, 10, 10); print(gc.get_threshold())
print(gc.DEBUG_LEAK, gc.DEBUG_STATS, gc.get_debug())
class A: pass
a = A(); a.self = a
del a
print(gc.collect() >= 1)
print(gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked("s"))
l = [1, 2]; d = {"k": l}
print(d in gc.get_referrers(l))
print(gc.get_referents([1, "x"]))
log = []
gc.callbacks.append(lambda p, i: log.append((p, i["generation"])))
gc.collect(1)
print(log)
gc.callbacks.clear()
try: gc.collect(5)
except ValueError as e: print(e)
print(len(gc.get_stats()), sorted(gc.get_stats()[0]))
print(type(gc.get_objects()), gc.garbage)
print(gc.is_finalized(A()))
gc.freeze(); gc.unfreeze(); print(gc.get_freeze_count())
