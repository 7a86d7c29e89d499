x = $a ? `b`
