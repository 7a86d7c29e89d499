x = bt"a"
