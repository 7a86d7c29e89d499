# coding: utf-16-le
x = 1
