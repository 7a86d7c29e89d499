import sys
seen = []
old = sys.displayhook
sys.displayhook = lambda v: seen.append(v)
exec(compile('1 + 1\nNone\n"s"', '<i>', 'single') if False else compile('40 + 2', '<i>', 'single'))
sys.displayhook = old
print(seen)
import builtins
print(hasattr(builtins, '_'))
