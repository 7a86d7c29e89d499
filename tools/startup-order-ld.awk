# tools/startup-order-ld.awk: turns tools/startup-order.txt (section, file)
# into a GNU ld script fragment, used with -T next to the default script:
# for each kind (code, constants, relro data, data, bss) and each group of
# the list, an output section beside the default one holding the group's
# sections in the list's order. Sections the list names that no longer
# exist match nothing.
BEGIN { g = 0; ng = 0 }
/^# group [0-9]+$/ { g = $3; if (g > ng) ng = g; next }
/^#/ || NF != 2 { next }
{
    sec = $1; file = $2
    if (file !~ /^\*/)
        file = "*" file
    if (sec ~ /^\.text/) k = 1
    else if (sec ~ /^\.rodata/) k = 2
    else if (sec ~ /^\.data\.rel\.ro/) k = 3
    else if (sec ~ /^\.data/) k = 4
    else if (sec ~ /^\.bss/) k = 5
    else next
    body[k, g] = body[k, g] "    " file "(" sec ")\n"
}
END {
    split(".text .rodata .data.rel.ro .data .bss", name, " ")
    # Where each kind goes: before the default section, except constants,
    # which follow .rodata (before it would be the end of the executable
    # segment, as orphan sections are placed).
    split("BEFORE AFTER BEFORE BEFORE BEFORE", where, " ")
    print "/* Generated from tools/startup-order.txt by tools/startup-order-ld.awk. */"
    # One output section per group, so that the linker's merging of equal
    # strings and of a string with the tail of a longer one stays inside a
    # group: a string of the first group is never placed in a later one.
    # Every kind is written, even empty (ld drops an empty output section):
    # a -T script without INSERT would replace the default script.
    for (k = 1; k <= 5; k++) {
        print "SECTIONS\n{"
        for (i = 0; i <= ng; i++) {
            print "  " name[k] ".startup_set" (i ? "." i : "") " :\n  {"
            printf "%s", body[k, i]
            print "  }"
        }
        print "}\nINSERT " where[k] " " name[k] ";"
    }
}
