-- Two imports with a static function of the same name do not clash.
local A = terralib.includecstring [[ static int which(void) { return 1; } ]]
local B = terralib.includecstring [[ static int which(void) { return 2; } ]]
terra f() : int return A.which() * 10 + B.which() end
print(f())
