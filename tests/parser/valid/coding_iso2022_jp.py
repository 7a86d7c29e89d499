# coding: iso2022_jp
s = "あ"
