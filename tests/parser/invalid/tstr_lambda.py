t"{lambda: 1}"
