f"{(lambda x: x)(1)}"
f"{x:=10}"
