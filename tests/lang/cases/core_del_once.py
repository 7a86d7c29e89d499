# __del__ runs once per object (PEP 442): for cycles that gc.collect()
# frees (objects or plain lists in the cycle), for resurrected objects when
# they die for good, and not again at shutdown for objects that a collection
# already finalized.
import gc, os

def say(text, write=os.write):
    write(1, (text + "\n").encode())

class D:
    def __init__(self, name):
        self.name = name
    def __del__(self, say=say):
        say("del " + self.name)

a = D("a"); b = D("b")
a.other = b; b.other = a
del a, b
say("collect %s" % (gc.collect() > 0))

l = [D("in-list")]
l.append(l)
del l
gc.collect()
say("list cycle collected")

saved = []
class R:
    def __init__(self, name):
        self.name = name
    def __del__(self, say=say, saved=saved):
        say("R del " + self.name)
        saved.append(self)

r = R("once"); r.me = r
del r
gc.collect()
say("resurrected %d" % len(saved))
saved.clear()
gc.collect()
say("cleared")

r = R("until-shutdown"); r.cycle = [r]
del r
gc.collect()
say("kept %d" % len(saved))
saved[0].cycle = None
say("end")
