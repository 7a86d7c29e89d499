# coding: gb2312
x = "啊"
