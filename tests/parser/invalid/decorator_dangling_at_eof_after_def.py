def f(): pass
@dec
