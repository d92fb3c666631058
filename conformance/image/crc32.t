-- The CRC32 the GPT writer uses, against the check values of the CRC-32
-- (IEEE) catalogue entry and zlib.
local U = require "image.util"
print(string.format("%08X", U.crc32s("123456789")))
print(string.format("%08X", U.crc32s("")))
print(string.format("%08X", U.crc32s("The quick brown fox jumps over the lazy dog")))
-- continuing a CRC gives the CRC of the concatenation
print(U.crc32s("6789", U.crc32s("12345")) == U.crc32s("123456789"))
