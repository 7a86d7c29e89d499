"a" "b"
"a" 'b' """c"""
("multi"
 "line"
 "concat")
b"a" b"b"
u"a" "b"
"a" r"\b"
x = ("a"
     f"{b}"
     "c")
