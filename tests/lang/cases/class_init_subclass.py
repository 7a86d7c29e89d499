class Plugin:
    registry = {}
    def __init_subclass__(cls, /, key=None, **kw):
        super().__init_subclass__(**kw)
        Plugin.registry[key or cls.__name__.lower()] = cls
class Json(Plugin, key='json'): pass
class Xml(Plugin): pass
print(sorted(Plugin.registry), Plugin.registry['json'].__name__)
try:
    class Bad(Plugin, unknown=1): pass
except TypeError as e:
    print('TypeError:', e)
