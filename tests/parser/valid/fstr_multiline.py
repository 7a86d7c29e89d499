f"""
{x}
{y:>{w}}
"""
f"{
    x
}"
f"{x +
   y}"
f"""{
    a  # a comment
    + b
}"""
f'{a
}'
