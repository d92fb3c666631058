-- defer-based resource cleanup: every exit path closes what was opened.
local C = terralib.includec("stdio.h")

struct Res { id : int }
terra open(id : int) : Res
  C.printf("open %d\n", id)
  return Res { id }
end
terra Res:close() C.printf("close %d\n", self.id) end

terra work(fail : bool) : int
  var a = open(1)
  defer a:close()
  var b = open(2)
  defer b:close()
  if fail then
    C.printf("failing early\n")
    return -1                  -- closes 2, then 1
  end
  for i = 0, 3 do
    var t = open(10 + i)
    defer t:close()            -- closed at the end of every iteration
    if i == 1 then break end
  end
  C.printf("done\n")
  return 0
end

print(work(false))
print(work(true))
