match match:
    case case:
        pass
match = case = 0
match(match)
match[case]
match -1:
    case -1: pass
