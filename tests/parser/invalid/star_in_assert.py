assert *a
