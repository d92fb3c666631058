-- A static function without a body cannot be imported; the error says why.
local C = terralib.includecstring [[ static int hidden(int); int shown(int x) { return x; } ]]
print(pcall(function() return C.hidden end))
print(C.shown(3))
