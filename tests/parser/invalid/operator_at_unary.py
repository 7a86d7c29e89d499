x = @a
