-- A declared C function that no library defines fails at link time, naming it.
local C = terralib.includecstring [[ int terrac_no_such_function(int); ]]
terra user() : int return C.terrac_no_such_function(1) end
user()
