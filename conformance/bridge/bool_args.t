-- Booleans convert to bool parameters; numbers convert too (0 is false).
terra notb(b : bool) : bool return not b end
print(notb(true), notb(false), notb(0), notb(7))
