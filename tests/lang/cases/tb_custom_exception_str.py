class BankError(Exception):
    def __init__(self, account, amount):
        super().__init__(account, amount)
        self.account = account
        self.amount = amount
    def __str__(self):
        return f'account {self.account}: cannot withdraw {self.amount}'
raise BankError('ACC-1', 500)
