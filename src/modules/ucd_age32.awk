# ucd_age32.awk -- reads DerivedAge.txt and prints "first last" (decimal)
# for every range of code points assigned in Unicode 3.2 or earlier; the
# output is sorted and turned into C by modules.mk. Runs under mawk.
function hexval(s,    i, v) {
    v = 0
    s = toupper(s)
    for (i = 1; i <= length(s); i++)
        v = v * 16 + index("0123456789ABCDEF", substr(s, i, 1)) - 1
    return v
}
/^[0-9A-Fa-f]/ {
    split($0, f, ";")
    range = f[1]; gsub(/ /, "", range)
    age = f[2]; sub(/#.*/, "", age); gsub(/ /, "", age)
    if (age != "1.1" && age != "2.0" && age != "2.1" && age != "3.0" && age != "3.1" && age != "3.2")
        next
    n = split(range, r, /\.\./)
    lo = hexval(r[1]); hi = n > 1 ? hexval(r[2]) : lo
    printf "%d %d\n", lo, hi
}
