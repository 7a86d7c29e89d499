eg = ExceptionGroup('problems', [ValueError('one'), KeyError('two')])
eg.add_note('group note')
raise eg
