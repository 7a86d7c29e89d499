class MyList:
    def __class_getitem__(cls, item):
        return f'{cls.__name__}[{item!r}]'
print(MyList[int], MyList['x'], MyList[1, 2])
print(list[int], dict[str, list[int]], tuple[int, ...], type[int], list[int]().__class__)
print(list[int] == list[int], list[int].__origin__, list[int].__args__)
