print("héllo wörld €uro 😀")
# коммент
