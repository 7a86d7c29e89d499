f"{{literal}} {x} }}{{"
f"a{{b{x}c}}d"
