x = 1
improt os
