-- An uncaught Lua error raised a few calls deep is reported at its
-- position, then with a stack traceback of the Lua frames (innermost
-- first), including those on the far side of a Terra call into a Lua
-- callback; no Go frames.
local function check(n)
  if n > 2 then
    error("n is too big: " .. n)
  end
  return n
end
local function each(n)
  return check(n) + 1
end
terra apply(f : {int} -> int, n : int) : int
  return f(n)
end
function run(n)
  local r = apply(each, n)
  return r
end
print(run(1))
print(run(3))
