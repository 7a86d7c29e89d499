f"""abc {x}
more
