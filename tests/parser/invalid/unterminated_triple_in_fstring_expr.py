f"{'''abc}"
