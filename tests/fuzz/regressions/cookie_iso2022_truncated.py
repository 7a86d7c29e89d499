# coding: iso2022_jp
x = '$B