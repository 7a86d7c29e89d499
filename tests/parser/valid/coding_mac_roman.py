# coding: mac-roman
s = "Ä"
