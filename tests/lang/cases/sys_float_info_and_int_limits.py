import sys
fi = sys.float_info
print(fi.max_exp, fi.min_exp, fi.max_10_exp, fi.radix, fi.rounds, fi.min)
print(sys.float_repr_style, sys.get_int_max_str_digits())
