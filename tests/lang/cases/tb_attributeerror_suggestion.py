class Account:
    def __init__(self):
        self.balance = 100
acct = Account()
print(acct.balanse)
