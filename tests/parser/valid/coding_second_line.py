#!/usr/bin/env python
# coding=latin-1
s = "éè"; t = 1
