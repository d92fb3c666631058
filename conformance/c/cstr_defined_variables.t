-- Variables defined (not just declared) in includecstring code get their
-- storage and initial values from the compiled C code; Terra code and Lua
-- share them.
local C = terralib.includecstring [[
int counter = 41;
const double scale = 2.5;
long table[3] = { 10, 20, 30 };
int zeroed;
extern int declared_only;
]]
terra bump()
  C.counter = C.counter + 1
  return C.counter * C.scale + C.table[2] + C.zeroed
end
print(bump())
print(C.counter:get(), C.table:get()[1])
print(C.declared_only)
