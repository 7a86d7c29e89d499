r = r"abc\"
