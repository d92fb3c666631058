-- Compress and decompress a buffer with zlib from its header and library.
terralib.linklibrary("libz.so.1")
local Z = terralib.includec("zlib.h")
local C = terralib.includec("string.h")
local S = terralib.includec("stdio.h")
terra roundtrip() : int
  var src : int8[1000]
  for i = 0, 1000 do src[i] = [int8](65 + i % 7) end
  var packed : uint8[2000]
  var plen : Z.uLongf = 2000
  if Z.compress(&packed[0], &plen, [&uint8](&src[0]), 1000) ~= Z.Z_OK then return -1 end
  var back : int8[1000]
  var blen : Z.uLongf = 1000
  if Z.uncompress([&uint8](&back[0]), &blen, &packed[0], plen) ~= Z.Z_OK then return -2 end
  S.printf("compressed %d bytes to fewer than 100: %d\n", 1000, plen < 100)
  S.printf("restored %d bytes, equal: %d\n", [int](blen), C.memcmp(&src[0], &back[0], 1000) == 0)
  return 0
end
print(roundtrip())
