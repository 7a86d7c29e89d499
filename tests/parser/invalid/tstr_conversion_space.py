t"{x! r}"
