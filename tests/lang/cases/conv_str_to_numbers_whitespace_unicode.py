print(int(' \t42\n'), float(' 1.5 '), int('٤٢'), float('１２.５'), int('+0_1'), complex(' 1+1j '))
