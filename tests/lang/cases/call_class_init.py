# Calling a class whose instances come from object.__new__ and a Python
# __init__ (run as an ordinary frame by the evaluation loop), and every
# case that must take the general path instead.
import sys
import traceback


class P:
    def __init__(self, x, y=2, *rest, k=3, **kw):
        self.v = (x, y, rest, k, sorted(kw.items()))


print(P(1).v, P(1, 5, 6, 7, k=8, z=9).v, P(y=0, x=-1).v)


class Slots:
    __slots__ = ('a', 'b')

    def __init__(self, a, b):
        self.a = a
        self.b = b


s = Slots(1, 2)
print(type(s).__name__, s.a, s.b)


class BadReturn:
    def __init__(self):
        return 42


def make_bad():
    return BadReturn()


try:
    make_bad()
except TypeError as e:
    print('TypeError', e, [f.name for f in traceback.extract_tb(e.__traceback__)])


class Raises:
    def __init__(self, n):
        if n:
            raise ValueError('bad %d' % n)


try:
    Raises(3)
except ValueError as e:
    print('ValueError', e, [f.name for f in traceback.extract_tb(e.__traceback__)])


class GenInit:
    def __init__(self):
        yield 1


try:
    GenInit()
except TypeError as e:
    print('TypeError', e)


class Rebind:
    def __init__(self):
        self = 'something else'
        self


print(type(Rebind()).__name__)


class WithNew:
    def __new__(cls, *args):
        print('__new__', cls.__name__, args)
        return super().__new__(cls)

    def __init__(self, *args):
        print('__init__', args)


WithNew(1, 2)


class NewOther:
    def __new__(cls):
        return 7

    def __init__(self):
        print('never')


print(NewOther())


class Meta(type):
    def __call__(cls, *args):
        print('Meta.__call__', cls.__name__, args)
        return super().__call__(*args)


class M(metaclass=Meta):
    def __init__(self, a):
        self.a = a


print(M(5).a)


class NoInit:
    pass


try:
    NoInit(1)
except TypeError as e:
    print('TypeError', e)
print(type(NoInit()).__name__)

import abc


class Abstract(abc.ABC):
    @abc.abstractmethod
    def f(self):
        pass

    def __init__(self):
        print('abstract init')


try:
    Abstract()
except TypeError as e:
    print('TypeError', e)


class Later:
    def __init__(self):
        self.tag = 'first'


def second(self, tag='second'):
    self.tag = tag


print(Later().tag)
Later.__init__ = second
print(Later().tag)
Later.__init__ = lambda self: setattr(self, 'tag', 'lambda')
print(Later().tag)


class CallableInit:
    class Init:
        def __get__(self, obj, cls):
            return lambda: setattr(obj, 'tag', 'descriptor')
    __init__ = Init()


print(CallableInit().tag)


class StaticInit:
    @staticmethod
    def __init__(*args):
        print('static init got', len(args), 'args')


StaticInit(1)


class L(list):
    def __init__(self, *a):
        super().__init__(a)
        self.extra = len(a)


x = L(1, 2, 3)
print(x, x.extra)


class Base:
    def __init__(self, n):
        self.n = n


class Derived(Base):
    pass


class Derived2(Base):
    def __init__(self, n):
        super().__init__(n * 2)


print(Derived(4).n, Derived2(4).n)


class Caller:
    def __init__(self):
        self.caller = sys._getframe(1).f_code.co_name


def who():
    return Caller().caller


print(who())


class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None


d = Deep(100)
print(d.child.child is not None)
old = sys.getrecursionlimit()
sys.setrecursionlimit(150)
try:
    Deep(1000)
except RecursionError as e:
    print('RecursionError', e)
sys.setrecursionlimit(old)

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ('__init__', 'traced'):
        events.append((frame.f_code.co_name, event))
    return tracer


class Traced:
    def __init__(self):
        self.x = 1


def traced():
    return Traced()


sys.settrace(tracer)
traced()
sys.settrace(None)
print(events)


class Dies:
    def __init__(self):
        raise KeyError('k')

    def __del__(self):
        print('deleted')


try:
    Dies()
except KeyError as e:
    print('KeyError', e)


def tb_of_init():
    BadReturn()


try:
    tb_of_init()
except TypeError:
    traceback.print_exc(file=sys.stdout)
try:
    Raises(1)
except ValueError:
    traceback.print_exc(file=sys.stdout)
print([P(i).v[0] for i in range(3)], list(map(Slots, [1], [2]))[0].b)
