-- Imported C code is compiled as Terra's embedded clang compiles it:
-- optimizing, for the host CPU. So the compiler's macros match: a body
-- guarded by __SSE2__ (every x86-64 has it) is the one compiled, and the
-- tables hold __OPTIMIZE__ but not __NO_INLINE__.
local C = terralib.includecstring [[
#ifdef __SSE2__
int simd_level(void) { return 2; }
#else
int simd_level(void) { return 0; }
#endif
]]
print(C.simd_level(), C.__SSE2__, rawget(C, "__OPTIMIZE__"), rawget(C, "__NO_INLINE__"))
