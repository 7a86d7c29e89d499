f"abc}def"
