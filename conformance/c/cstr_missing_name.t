-- Indexing a name the import does not have reports it.
local C = terralib.includecstring [[ int present(void) { return 1; } ]]
print(pcall(function() return C.absent end))
print(C.present())
