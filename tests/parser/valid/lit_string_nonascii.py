s = "héllo wörld"
t = "日本語"
u = "emoji 😀 here"
v = 'Ω'; w = 1
x = "é" + "é"; y = 2
