-- <limits.h> defines INT_MAX and friends through the compiler's own
-- macros, so, as in Terra, they are not exported; the predefined
-- __INT_MAX__ family are plain literals and are.
local C = terralib.includec("limits.h")
local I = terralib.includec("stdint.h")
print(rawget(C, "INT_MAX"), rawget(C, "CHAR_BIT"), rawget(I, "INT16_MIN"))
print(C.__INT_MAX__, C.__CHAR_BIT__, C.__SHRT_MAX__, C.__SCHAR_MAX__, I.__INT16_MAX__)
