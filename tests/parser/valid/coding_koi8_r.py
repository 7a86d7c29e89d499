# coding: koi8-r
s = "абв"; t = 2
