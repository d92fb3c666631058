-- The Lua code of an escape may assign only what it declares itself (and
-- functions written in it may assign those); assigning a variable of the
-- enclosing Lua code or a global is an error, as in Terra.
local total = 0
terra sum3()
  escape
    local n = 0
    local function add(k) n = n + k end
    for i = 1, 3 do add(i) end
    emit quote return n end
  end
end
print(sum3())
local ok, msg = pcall(function()
  terra counted() return [ (function() total = total + 1; return total end)() ] end
end)
print(ok, total)
print((msg:match("cannot define global variables or assign to upvalues in an escape")))
terra defines()
  escape
    function helper() end
  end
end
