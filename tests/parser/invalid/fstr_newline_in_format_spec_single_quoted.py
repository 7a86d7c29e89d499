f"{x:abc
}"
