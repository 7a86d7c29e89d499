if x: pass
while 0: pass
for x in y: a; b; c
with a: pass
class C: pass
def f(): return 1
try: pass
except: pass
