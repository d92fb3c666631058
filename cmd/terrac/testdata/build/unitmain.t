-- A main that returns nothing; its last call leaves a nonzero value in
-- the return register (printf's count).
local C = terralib.includec("stdio.h")
terra main(argc : int, argv : &rawstring) C.printf("args %d\n", argc) end
