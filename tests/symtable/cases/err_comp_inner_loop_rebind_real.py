[0 for j in x if (i := j) for i in y]
