# coding: latin-9
x = "¤"
