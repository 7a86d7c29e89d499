f"hello"
f"{x}"
f"a{x}b{y}c"
F"{x}"
f'{x}'
f'''{x}'''
f"""{x}"""
f""
f"{{literal braces}}"
f"{{{x}}}"
