{k: for k in a}
