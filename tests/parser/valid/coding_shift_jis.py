# coding: shift_jis
x = "あ"; y = 1
