from_val = 1234.5
print(f'{from_val:>12,.2f}|{from_val:<+10.1e}|{int(from_val):#x}|{from_val!s:^12}|')
print(f'{"left":<8}|{"right":>8}|{"mid":^8}|')
print(f'{3.0:g} {3.10:g} {1e-5:g} {123456789:g} {0.0001234:.2g}')
