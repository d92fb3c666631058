-- Imported C code is compiled for the host CPU, as Terra's embedded clang
-- does, so the compiler's feature macros match the machine: a body guarded
-- by __SSE2__ (every x86-64 has it) is the one compiled, and the macro is
-- in the table.
local C = terralib.includecstring [[
#ifdef __SSE2__
int simd_level(void) { return 2; }
#else
int simd_level(void) { return 0; }
#endif
]]
print(C.simd_level(), C.__SSE2__)
