rf"\{x}\d" fr"{y}\n" Rf"{z}"
