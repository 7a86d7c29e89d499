f"{pass}"
