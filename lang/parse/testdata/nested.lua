local function outer()
  local function inner()
    do
      while true do
        repeat
          if x then
            for i = 1, 2 do
              return function() return {a = {b = {c = i}}} end
            end
          end
        until true
      end
    end
  end
  return inner
end
