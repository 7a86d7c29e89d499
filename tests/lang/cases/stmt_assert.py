assert True
assert 1 == 1, 'fine'
try:
    assert 1 == 2, 'one is not two'
except AssertionError as e:
    print('AssertionError:', e)
try:
    assert []
except AssertionError as e:
    print('args', e.args)
