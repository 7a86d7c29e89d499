match x:
    case Color.RED: pass
    case mod.C.X: pass
