terra f(x : int) terralib.asm({}, "nop", "", true); return x + 1 end
print(f(1))
