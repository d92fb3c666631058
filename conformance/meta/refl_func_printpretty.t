terra f(x : int) var y = x * 2; return y + 1 end
f:printpretty()
