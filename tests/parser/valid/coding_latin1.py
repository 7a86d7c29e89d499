# -*- coding: latin-1 -*-
s = "café"
x = 1; y = "éè"; z = 2
