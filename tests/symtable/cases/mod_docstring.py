"""doc"""
a = b
