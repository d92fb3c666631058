-- With full debug information (as `terrac -g`), a fault also lists the
-- Terra functions that called the faulting one; the error can be caught.
terralib.setdebuginfo(true)

terra store(p : &int, v : int)
  @p = v
end
store:setinlined(false)

terra fill(p : &int, n : int)
  for i = 0, n do
    store(p + i, i)
  end
end
fill:setinlined(false)

terra run(p : &int) : int
  fill(p, 3)
  return 0
end

local ok, err = pcall(run, nil)
print(ok)
-- The program goes on after a caught fault.
local a = terralib.new(int[3])
run(a)
print(a[0], a[1], a[2])
error(err, 0)
