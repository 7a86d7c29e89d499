a += 1; b -= 2; c *= 3; d /= 4; e //= 5; f %= 6; g **= 7
h @= i; j &= k; l |= m; n ^= o; p >>= q; r <<= s
t = a < b <= c > d >= e == f != g
u = ~a ^ b | c & d << e >> f
v = a -> b; w := c; x ... y . z
