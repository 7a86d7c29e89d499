# coding: utf-32-be
x = 1
