-- debug.traceback run inside compiler callbacks names them, innermost first,
-- at the Terra sites that invoked them.
local function where()
  local lines = {}
  for l in debug.traceback("here"):gmatch("[^\n]+") do
    if l:match("Errors reported during") or l == "here" then
      lines[#lines + 1] = (l:gsub("^%s+", ""):gsub("^.*/", ""))
    end
  end
  return table.concat(lines, " | ")
end
local inner = macro(function(x)
  print(where())
  return x
end)
local outer = macro(function(x)
  local g = terra(a : int) return inner(a) + 1 end
  g:compile()
  return `g(x)
end)
terra f(a : int) return outer(a) end
print(f(1))
local ok, tb = xpcall(function() error("plain") end, debug.traceback)
print(ok, tb:match("^[^\n]*"):gsub("^.*/", ""), (tb:find("Errors reported", 1, true)))
