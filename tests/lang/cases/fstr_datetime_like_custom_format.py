class Date:
    def __init__(self, y, m, d): self.y, self.m, self.d = y, m, d
    def __format__(self, spec):
        return spec.replace('%Y', f'{self.y:04d}').replace('%m', f'{self.m:02d}').replace('%d', f'{self.d:02d}')
d = Date(2024, 3, 7)
print(f'{d:%Y-%m-%d}', f'{d:%d/%m/%Y}', format(d, '%Y'))
