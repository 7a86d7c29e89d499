class C:
    import __foo.bar
    import __baz
