x = 1234.5678
for spec in ['', 'f', '.2f', '.0f', '#.0f', 'e', '.3e', 'E', 'g', '.3g', 'G', '.10g', '%', '.1%', ',.2f', '_.1f', '+.1f', ' .1f', '015.3f', '<12.1f', '^12.1f', '>12.1f', '=+12.1f', 'z.1f', '.2n']:
    print(repr(spec), repr(format(x, spec)))
for v in [0.0, -0.0, 1e-7, 1e16, 123456789.0, float('inf'), float('-inf'), float('nan'), 1.5, 2.5, 0.125]:
    print(repr(v), format(v, ''), format(v, 'g'), format(v, '.1f'), format(v, 'e'), format(v, 'z.1f'))
