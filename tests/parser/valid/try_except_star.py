try:
    pass
except* ValueError:
    pass
except* (TypeError, KeyError) as e:
    pass
except *OSError as err:
    raise
else:
    pass
finally:
    pass
