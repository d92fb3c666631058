-- __cast errors of casts tried speculatively by overload resolution are
-- not reported: only the overload failure is; a direct conversion
-- of the same value reports the cast's error.
struct A { x : int }
A.metamethods.__cast = function(from, to, exp)
  error("no cast to " .. tostring(to))
end
local pick = terralib.overloadedfunction("pick", {
  terra(x : int) return 1 end,
  terra(x : bool) return 2 end,
})
terra viaoverload() var a = A { 1 }; return pick(a) end
local ok, msg = pcall(function() viaoverload:compile() end)
print(ok, msg:find("no cast to", 1, true) == nil, msg:find("call to overloaded function does not apply", 1, true) ~= nil)
terra direct() var a = A { 1 }; var i : int = a; return i end
ok, msg = pcall(function() direct:compile() end)
print(ok, msg:find("cast_error_speculative.t:6:3: note: __cast of A failed: no cast to int32", 1, true) ~= nil)
