# str methods with fast paths: replace (found first, built at its exact
# size), split with a separator on 1-byte strings (memchr/memmem), join and
# f-string building, find/count (16-byte window search), upper, center.
# Each is checked on ASCII, Latin-1, BMP and astral strings, with
# subclasses, counts, overlapping needles and edge sizes.

class S(str):
    pass

samples = ["", "a", "ab", "aaa", "abcabcabc", "ITEM-00001:3.50", "x" * 40,
           "héllo wörld", "ÿÿ-ÿ", "日本語-日本", "a😀b😀c", "\x00\x00a\x00",
           "the quick brown fox jumps over the lazy dog " * 3]

print("--- replace")
for s in samples:
    for old, new in [("a", "b"), ("ab", ""), ("", "-"), ("aa", "a"), ("ITEM", "it"), ("x", "yy"),
                     ("ö", "o"), ("é", "e"), ("ÿ", "y"), ("ÿ", "日"), ("日", "ri"), ("日本", ""),
                     ("😀", ":)"), ("b", "😀"), ("\x00", ""), ("the ", "A "), ("-", "ÿ"),
                     (s, "whole"), (s + "z", "no")]:
        r = s.replace(old, new)
        r2 = s.replace(old, new, 1)
        r3 = s.replace(old, new, count=2)
        r0 = s.replace(old, new, 0)
        print(repr(s)[:30], repr(old), repr(new), repr(r)[:60], repr(r2)[:40], repr(r3)[:40],
              r0 == s, r.isascii(), len(r), max(map(ord, r), default=-1))
# kinds of results: narrowed when the widest characters went away
for s, old, new in [("ab日", "日", "c"), ("aé", "é", ""), ("é", "é", "e"), ("😀x", "😀", "日"),
                    ("日😀", "😀", ""), ("a😀", "a😀", "é"), ("éé", "é", "")]:
    r = s.replace(old, new)
    print(repr(r), r.isascii(), r == "".join(r), r.encode("utf-8"), hash(r) == hash(str(r)))
# subclasses come back as exact str
for s in (S("abc"), S("")):
    for old, new in (("b", "x"), ("z", "y"), ("", "")):
        r = s.replace(old, new)
        print(type(r).__name__, repr(r))
print(type("abc".replace(S("b"), S("B"))).__name__, "abc".replace(S("b"), S("B")))
# big counts and long strings
big = "ab" * 5000
print(len(big.replace("a", "xyz")), big.replace("ab", "") == "", big.replace("b", "", 4999)[-4:])
print(big.replace("ba", "|")[:20], big.count("ba"), big.replace("a", "a") == big)
for bad in [(1, "a"), ("a", 1), ("a", "b", "c"), ("a", "b", 2.0)]:
    try:
        "abc".replace(*bad)
    except TypeError as e:
        print("TypeError", e)
try:
    ("a" * 10).replace("a", "b" * (2 ** 62))
except (OverflowError, MemoryError) as e:
    print(type(e).__name__)

print("--- split")
for s in samples + ["a,b,,c,", ",", ",,", "a::b::c", "::", "a:b:c:", ",é,日,😀,"]:
    for sep in [",", ":", "::", "a", "ab", "ö", "日", "😀", "the", "x" * 41, "é,"]:
        print(repr(s)[:30], repr(sep), s.split(sep), s.split(sep, 1), s.split(sep, maxsplit=0),
              s.rsplit(sep, 1))
for s in (S("a,b"), S("ab"), S("")):
    parts = s.split(",")
    print([type(p).__name__ for p in parts], parts)
print("a,b".split(S(",")), "x".split(",") , type("x".split(",")[0]).__name__)
for bad in ["", 1]:
    try:
        "a,b".split(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(len(",".join(["abc"] * 10000).split(",")), ("x" * 100).split("xx")[:3], "aXbXc".split("X", -1))

print("--- join")
for sep in ["", ",", "é", "日", "😀", ", "]:
    for items in [[], ["a"], ["", ""], ["", "x", ""], ["é"], ["a", "b"], ["日", "a"], ["😀", ""],
                  ["ab", "é", "日本", "😀"], [S("s"), "t"], [S("only")]]:
        r = sep.join(items)
        print(repr(sep), items, repr(r), r.isascii(), len(r), type(r).__name__)
try:
    ",".join(["a", 1])
except TypeError as e:
    print(e)
try:
    ",".join(5)
except TypeError as e:
    print(e)
print("".join(x for x in "abc"), "-".join(("a",)), "-".join(iter(["q", "r"])))

print("--- f-strings")
e = "é"
for i in (0, 7, -5, 123456):
    print(f"{i}", f"<{i:05d}>", f"{e}{i}", f"{i}{'日'}{i:x}", f"{''}", f"{'a'}", f"{e}",
          f"{S('sub')}{i}", f"{i!r}{e!r}", f"{'😀'}{i:>4}|")
t = f"{''}{''}"
print(repr(t), repr(f"{'x'}{''}"), repr(f"{''}{'é'}"), f"{3.5}", f"{-0.0}", f"{1e300}", f"{1/3}")

print("--- find / count")
hay = "it-00001,it-00002,it-12345,xit-0" * 3
for needle in ["it-0", "it-1234", "it-12345,", "zz", "", "i", ",", "0", "it-00001,it-00002,it-12345,xit-0it",
               "é", "t-0", "-00002,it-123"]:
    print(repr(needle), hay.find(needle), hay.rfind(needle), hay.count(needle), hay.find(needle, 5),
          hay.find(needle, 5, 40), hay.count(needle, 10, -3), needle in hay, hay.index(needle) if needle in hay else None)
long = "a" * 100 + "b" + "a" * 100
for needle in ["ab", "ba", "aab", "a" * 50 + "b", "b" + "a" * 100, "b" + "a" * 101, "aaa", "c"]:
    print(len(needle), long.find(needle), long.count(needle), long.rfind(needle))
wide = "日本語" * 20 + "abc"
print(wide.find("abc"), wide.count("本語"), wide.find("語日"), wide.count("a"), "abcabc".count("c"), "aaaa".count("aa"))
print("xé".find("é"), "x😀y😀".count("😀"), "abc".find("é"), "ÿÿÿ".count("ÿ"))
for n in range(15, 40):
    h = "q" * n + "needle"
    assert h.find("needle") == n and h.find("needle!") == -1 and h.count("le") == 1, n

print("--- upper / center")
for s in samples + ["ß", "ﬁ", "ǆ", "straße", "İ"]:
    print(repr(s.upper())[:60], repr(s.lower())[:40], s.upper().isascii() == s.isascii())
for s, w, f in [("ab", 10, "*"), ("abc", 10, "*"), ("it-12345", 20, "*"), ("", 3, "é"), ("x", 0, "-"),
                ("é", 6, "日"), ("abc", 2, "*")]:
    print(repr(s.center(w, f)), repr(s.ljust(w, f)), repr(s.rjust(w, f)))
print("%s|%5d|%-4s|%05.1f|%x|%r" % ("x", 42, "ab", 3.14159, 255, "é"))
# a separator that cannot occur gives [self] unchanged, even for a subclass
for s in (S(""), S("a"), S("ab"), S("abc"), S("é"), S("日本")):
    for sep in (",", "ab", "abcd", "日", "😀"):
        print(repr(s), repr(sep), [type(p).__name__ for p in s.split(sep)],
              [type(p).__name__ for p in s.rsplit(sep)], [type(p).__name__ for p in s.split(sep, 0)])
# ASCII case mapping eight bytes at a time: every offset and tail length
base = "".join(map(chr, range(128))) + "@[`{AZaz"
for k in range(0, 40):
    t = base[k:k + 9 + k]
    print(k, repr(t.upper()), repr(t.lower()), repr(t.swapcase()), t.casefold() == t.lower())
print(repr(base.upper()), repr(base.swapcase()))
