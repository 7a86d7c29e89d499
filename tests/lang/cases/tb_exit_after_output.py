import sys
print('partial output')
sys.stdout.flush()
print('error message', file=sys.stderr)
sys.exit(9)
