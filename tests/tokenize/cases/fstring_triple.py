f"""
{x
 + y}
abc {z:
}"""
