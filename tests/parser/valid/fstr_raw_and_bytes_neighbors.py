rf"\d{x}\n"
fr"\w{y}"
Rf"{x}\t"
fR"{x}"
RF"{x}"
FR"{x}"
rF'{x}'
Fr'{x}'
"plain" f"{x}" "tail"
f"{x}" "b" f"{y}"
