# -*- coding: UTF-8 -*-
é = 1
