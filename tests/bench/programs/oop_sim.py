# oop_sim.py: a small object-oriented simulation (accounts and transfers).
class InsufficientFunds(Exception):
    pass

class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self.history.append(("in", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self.owner)
        self.balance -= amount
        self.history.append(("out", amount))

class SavingsAccount(Account):
    rate = 0.01

    def add_interest(self):
        self.deposit(int(self.balance * self.rate))

class Bank:
    def __init__(self, n):
        self.accounts = [SavingsAccount(f"c{i}", 1000) if i % 2 else Account(f"c{i}", 1000) for i in range(n)]

    def transfer(self, a, b, amount):
        try:
            self.accounts[a].withdraw(amount)
        except InsufficientFunds:
            return False
        self.accounts[b].deposit(amount)
        return True

bank = Bank(100)
ok = 0
seed = 7
for step in range(150000):
    seed = (seed * 48271) % 2147483647
    ok += bank.transfer(seed % 100, (seed >> 8) % 100, seed % 500)
    if step % 1000 == 0:
        for acc in bank.accounts:
            if isinstance(acc, SavingsAccount):
                acc.add_interest()
print(ok, sum(a.balance for a in bank.accounts), sum(len(a.history) for a in bank.accounts))
