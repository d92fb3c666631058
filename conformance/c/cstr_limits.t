-- Macros from <limits.h> and <stdint.h>.
local C = terralib.includec("limits.h")
local I = terralib.includec("stdint.h")
print(C.INT_MAX, C.INT_MIN, C.CHAR_BIT, C.SHRT_MAX, I.INT16_MIN, I.UINT8_MAX)
