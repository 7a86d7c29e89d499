for w in [UserWarning, DeprecationWarning, SyntaxWarning, RuntimeWarning, FutureWarning, PendingDeprecationWarning, ImportWarning, UnicodeWarning, BytesWarning, ResourceWarning, EncodingWarning]:
    print(w.__name__, w.__mro__[1].__name__)
