x = 1
# no newline after comment