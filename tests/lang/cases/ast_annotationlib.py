# annotationlib (which builds on ast) formats annotations as strings.
import annotationlib
def f(x: undefined_name, y: list[int] = 1) -> Foo.bar[3] | None: pass
print(annotationlib.get_annotations(f, format=annotationlib.Format.STRING))
class C:
    a: Missing
    b: int
print(annotationlib.get_annotations(C, format=annotationlib.Format.STRING))
print(annotationlib.ForwardRef("list[int]").evaluate())
