# tools/startup-order-ld.awk: turns tools/startup-order.txt (section, file)
# into a GNU ld script fragment, used with -T next to the default script:
# one output section per kind (code, constants, relro data, data, bss),
# inserted before the default one, holding the start-up sections in the
# list's order. Sections the list names that no longer exist match nothing.
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
    body[k] = body[k] "    " file "(" sec ")\n"
}
END {
    split(".text .rodata .data.rel.ro .data .bss", name, " ")
    # Where each group goes: before the default section, except constants,
    # which follow .rodata (before it would be the end of the executable
    # segment, as orphan sections are placed).
    split("BEFORE AFTER BEFORE BEFORE BEFORE", where, " ")
    print "/* Generated from tools/startup-order.txt by tools/startup-order-ld.awk. */"
    # Every group is written, even empty (ld drops an empty output section):
    # a -T script without INSERT would replace the default script.
    for (k = 1; k <= 5; k++) {
        print "SECTIONS\n{\n  " name[k] ".startup_set :\n  {"
        printf "%s", body[k]
        print "  }\n}\nINSERT " where[k] " " name[k] ";"
    }
}
