-- Calling a NULL function pointer is an error.
local f = terralib.cast({int} -> int, 0)
f(1)
