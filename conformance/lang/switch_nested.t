-- nested switches and cases spliced from quotes
local extra = quote case 7 then return 700 end end
terra f(x : int, y : int) : int
  var r = 0
  switch x do
    case 0 then
      switch y do
        case 0 then r = 1
        case 1 then r = 2
        end
      end
    case 2 + (3 * 1) then r = 5
    end
    [extra]
  else
    r = -1
  end
  return r
end
print(f(0, 0), f(0, 1), f(0, 5), f(7, 0), f(3, 3), f(5, 0))
