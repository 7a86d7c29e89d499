# coding: utf_8
x = 1
