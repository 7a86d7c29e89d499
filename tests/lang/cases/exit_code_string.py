print('about to exit with message')
raise SystemExit('fatal: message on stderr')
