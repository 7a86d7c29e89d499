class Outer:
    class Inner:
        class Deep:
            pass
    def make(self):
        class Local: pass
        return Local
print(Outer.Inner.Deep.__qualname__, Outer().make().__qualname__, Outer.Inner.__name__)
print(repr(Outer.Inner.Deep).replace('__main__.', 'M.'))
