# coding: cp1252
s = "€"
t = é
