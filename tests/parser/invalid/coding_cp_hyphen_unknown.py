# coding: CP-1252
x = 1
