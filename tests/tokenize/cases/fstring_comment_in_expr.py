x = f"""{a # comment
}"""
