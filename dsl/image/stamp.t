-- image.stamp: the little the step engine's Lua side needs from the system
-- to see that nothing changed, kept apart from the engine so that a rebuild
-- with nothing to do compiles only this: a file's stamp (size, mtime in
-- nanoseconds, inode, as the engine's stamp files write them) and whether
-- stdout is a terminal. Also the context type Terra run functions take.
local T = {}

local C = terralib.includecstring [[
#include <sys/stat.h>
#include <stdio.h>
#include <unistd.h>
typedef struct stat stat_t;
]]

-- What a run function sees: the step's name, its inputs, the temp paths
-- its outputs must be written to, and its log.
struct T.Ctx {
  name : rawstring
  ninputs : int
  inputs : &rawstring
  noutputs : int
  outputs : &rawstring
  logpath : rawstring
}

local terra stamp(path : rawstring, buf : rawstring) : int
  var st : C.stat_t
  if C.stat(path, &st) ~= 0 then return -1 end
  C.snprintf(buf, 100, "%lld %lld %llu", [int64](st.st_size),
    st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec, [uint64](st.st_ino))
  return 0
end
local terra tty() : int return C.isatty(1) end

local ffi = require "ffi"
local buf
-- stamp returns "SIZE MTIME INODE" for path, or nil if it does not exist.
function T.stamp(path)
  buf = buf or terralib.new(int8[100])
  if stamp(path, buf) ~= 0 then return nil end
  return ffi.string(terralib.cast(&int8, buf))
end
function T.isatty() return tty() ~= 0 end

return T
