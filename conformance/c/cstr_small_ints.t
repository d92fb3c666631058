-- char and short arguments and results are sign- or zero-extended as C expects.
local C = terralib.includecstring [[
signed char neg(signed char c) { return -c; }
unsigned char inc(unsigned char c) { return c + 1; }
short sh(short a, unsigned short b) { return a + b; }
int widen(signed char c, unsigned char u) { return c * 1000 + u; }
]]
terra f()
  return C.widen(C.neg(5), C.inc(255)) * 100000 + C.sh(-300, 100)
end
print(f())
