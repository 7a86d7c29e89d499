e = TypeError('wrong type')
e.add_note('Hint: pass an int')
e.add_note('Second note line')
raise e
