# coding: cp1252
s = "€ “quoted”"; n = 1
