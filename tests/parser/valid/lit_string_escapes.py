"\n\t\r\\\'\"\a\b\f\v\0"
"\x41\x7f\xff"
"\101\0\07\377"
"\u00e9\u4e2d"
"\U0001F600\U00010000"
"\N{LATIN SMALL LETTER E WITH ACUTE}"
"\N{BULLET}\N{EM DASH}"
"line\
continued"
b"\x00\xff\n\\\101"
'it\'s'
"say \"hi\""
'''a 'quoted' "string"'''
