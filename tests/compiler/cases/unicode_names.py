café = 1
naïve = café + 1
s = 'ünïcödé'
