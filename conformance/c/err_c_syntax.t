-- A syntax error in C code reports the C file, line and message.
local C = terralib.includecstring [[
int ok(void) { return 1; }
int broken(void) { return 1 +; }
]]
