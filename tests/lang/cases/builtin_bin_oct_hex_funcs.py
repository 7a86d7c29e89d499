print(bin(5), oct(64), hex(-255), bin(0), hex(2 ** 64))
