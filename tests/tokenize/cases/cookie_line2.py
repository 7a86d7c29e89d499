#!/usr/bin/env python
# vim: set fileencoding=utf8 :
x = 1
