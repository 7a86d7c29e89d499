# needs: import (exit() is installed by the site module)
print('using exit()')
exit(2)
