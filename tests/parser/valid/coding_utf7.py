# coding: utf-7
s = "+AOk-"
