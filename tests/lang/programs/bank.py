# A bank simulation: accounts with class hierarchies, custom exceptions with
# chaining and notes, a transaction ledger, context managers for atomic
# transfers, properties, class/static methods, and a monthly batch run.

class BankError(Exception):
    """Base class of everything the bank raises."""


class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(f'{account.number}: balance {account.balance} is less than {amount}')
        self.account = account
        self.amount = amount


class AccountFrozen(BankError):
    pass


class UnknownAccount(BankError, KeyError):
    def __str__(self):
        return f'no account {self.args[0]!r}'


class LimitExceeded(BankError):
    pass


class Money:
    __slots__ = ('cents',)

    def __init__(self, cents=0):
        if isinstance(cents, Money):
            cents = cents.cents
        if not isinstance(cents, int):
            raise TypeError(f'Money needs int cents, not {type(cents).__name__}')
        self.cents = cents

    @classmethod
    def parse(cls, text):
        sign = -1 if text.startswith('-') else 1
        whole, _, frac = text.lstrip('-').partition('.')
        frac = (frac + '00')[:2]
        return cls(sign * (int(whole) * 100 + int(frac)))

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, Money):
            return Money(self.cents - other.cents)
        return NotImplemented

    def __mul__(self, factor):
        if isinstance(factor, (int, float)):
            return Money(round(self.cents * factor))
        return NotImplemented

    __rmul__ = __mul__

    def __neg__(self):
        return Money(-self.cents)

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __lt__(self, other):
        return self.cents < other.cents

    def __le__(self, other):
        return self.cents <= other.cents

    def __hash__(self):
        return hash(self.cents)

    def __bool__(self):
        return self.cents != 0

    def __repr__(self):
        return f'Money({self})'

    def __str__(self):
        sign = '-' if self.cents < 0 else ''
        c = abs(self.cents)
        return f'{sign}${c // 100:,}.{c % 100:02d}'

    def __format__(self, spec):
        return format(str(self), spec)


class Account:
    _next_number = 1000
    kind = 'basic'

    def __init__(self, owner, opening=Money()):
        self.owner = owner
        self.number = Account._allocate()
        self._balance = Money(opening)
        self.frozen = False
        self.history = []

    @staticmethod
    def _allocate():
        Account._next_number += 1
        return f'AC{Account._next_number}'

    @property
    def balance(self):
        return self._balance

    def _check(self):
        if self.frozen:
            raise AccountFrozen(f'{self.number} is frozen')

    def deposit(self, amount, memo='deposit'):
        self._check()
        if amount <= Money():
            raise ValueError(f'deposit must be positive, got {amount}')
        self._balance += amount
        self.history.append((memo, amount))

    def withdraw(self, amount, memo='withdrawal'):
        self._check()
        if amount > self.available():
            raise InsufficientFunds(self, amount)
        self._balance -= amount
        self.history.append((memo, -amount))

    def available(self):
        return self._balance

    def month_end(self):
        pass

    def __repr__(self):
        return f'<{type(self).__name__} {self.number} {self.owner} {self.balance}>'


class Savings(Account):
    kind = 'savings'
    rate = 0.02

    def month_end(self):
        interest = self.balance * (self.rate / 12)
        if interest:
            self.deposit(interest, 'interest')


class Checking(Account):
    kind = 'checking'

    def __init__(self, owner, opening=Money(), overdraft=Money(0)):
        super().__init__(owner, opening)
        self.overdraft = overdraft
        self.withdrawals_this_month = 0

    def available(self):
        return self.balance + self.overdraft

    def withdraw(self, amount, memo='withdrawal'):
        if self.withdrawals_this_month >= 5:
            raise LimitExceeded(f'{self.number}: too many withdrawals this month')
        super().withdraw(amount, memo)
        self.withdrawals_this_month += 1

    def month_end(self):
        if self.balance < Money():
            fee = Money(1500)
            self._balance -= fee
            self.history.append(('overdraft fee', -fee))
        self.withdrawals_this_month = 0


class Bank:
    def __init__(self, name):
        self.name = name
        self.accounts = {}
        self.ledger = []

    def open(self, cls, owner, opening='0', **kw):
        acct = cls(owner, Money.parse(opening), **kw)
        self.accounts[acct.number] = acct
        self.ledger.append(('open', acct.number, acct.kind))
        return acct

    def __getitem__(self, number):
        try:
            return self.accounts[number]
        except KeyError:
            raise UnknownAccount(number) from None

    def __iter__(self):
        return iter(sorted(self.accounts.values(), key=lambda a: a.number))

    def __len__(self):
        return len(self.accounts)

    def transaction(self):
        return Transaction(self)

    def transfer(self, src, dst, amount):
        with self.transaction() as tx:
            tx.withdraw(self[src], amount, f'transfer to {dst}')
            tx.deposit(self[dst], amount, f'transfer from {src}')

    def total(self):
        return sum((a.balance for a in self.accounts.values()), Money())


class Transaction:
    """Applies operations; if anything fails, undoes those already done."""

    def __init__(self, bank):
        self.bank = bank
        self.undo = []

    def __enter__(self):
        return self

    def withdraw(self, acct, amount, memo):
        acct.withdraw(amount, memo)
        self.undo.append(lambda: acct._undo_last())

    def deposit(self, acct, amount, memo):
        acct.deposit(amount, memo)
        self.undo.append(lambda: acct._undo_last())

    def __exit__(self, et, ev, tb):
        if et is None:
            self.bank.ledger.append(('commit', len(self.undo)))
            return False
        for step in reversed(self.undo):
            step()
        self.bank.ledger.append(('rollback', et.__name__))
        if isinstance(ev, BankError):
            ev.add_note(f'rolled back {len(self.undo)} step(s)')
        return False


def _undo_last(self):
    memo, amount = self.history.pop()
    self._balance -= amount


Account._undo_last = _undo_last


bank = Bank('First Adder Bank')
alice = bank.open(Savings, 'Alice', '1500.00')
bob = bank.open(Checking, 'Bob', '200.50', overdraft=Money.parse('100'))
carol = bank.open(Checking, 'Carol', '0')
print(bank.name, len(bank), 'accounts')
for a in bank:
    print(' ', a, a.kind)

bank.transfer(alice.number, bob.number, Money.parse('250.25'))
print('after transfer:', alice.balance, bob.balance)

attempts = [
    (bob.number, carol.number, '600'),
    (carol.number, alice.number, '1'),
    (alice.number, 'AC9999', '10'),
    (bob.number, carol.number, '-5'),
]
for src, dst, amt in attempts:
    try:
        bank.transfer(src, dst, Money.parse(amt))
        print('ok', src, '->', dst, amt)
    except BankError as e:
        print(f'{type(e).__name__}: {e}', getattr(e, '__notes__', []))
    except ValueError as e:
        print('ValueError:', e)
print('balances:', [str(a.balance) for a in bank])

try:
    bank['nope']
except KeyError as e:
    print('caught as KeyError too:', e, isinstance(e, BankError), e.__suppress_context__)

for i in range(6):
    try:
        bob.withdraw(Money(5000))
    except BankError as e:
        print(f'withdrawal {i}: {type(e).__name__}: {e}')
print('bob:', bob.balance, 'available', bob.available())

carol.frozen = True
try:
    carol.deposit(Money(100))
except AccountFrozen as e:
    print('frozen:', e)
carol.frozen = False

for month in range(1, 4):
    for a in bank:
        a.month_end()
    print(f'month {month}: ' + ', '.join(f'{a.owner}={a.balance:>12}' for a in bank))

print('total:', bank.total())
print('ledger:', bank.ledger)
for memo, amount in alice.history:
    print(f'  {memo:<24}{amount:>14}')
print(sorted([Money(5), Money(-3), Money(12)]), Money.parse('-7.5'), 3 * Money(111))
try:
    Money(1.5)
except TypeError as e:
    print('TypeError:', e)
try:
    Money(1) + 5
except TypeError as e:
    print('TypeError:', e)


def audit(bank):
    problems = []
    for a in bank:
        computed = sum((amt for _, amt in a.history), Money())
        try:
            if a.kind == 'checking' and a.balance < -a.overdraft:
                raise LimitExceeded(f'{a.number} beyond overdraft')
        except LimitExceeded as e:
            problems.append(str(e))
        yield a.number, computed
    if problems:
        raise ExceptionGroup('audit failed', [BankError(p) for p in problems])


for number, flow in audit(bank):
    print('audit', number, flow)
