-- A macro used as a statement may return a list of statement quotes;
-- variables they declare stay visible to the statements after it in
-- the block, as with a quote spliced directly.
local a, b = symbol(int, "a"), symbol(int, "b")
local declare = macro(function()
  local l = terralib.newlist()
  l:insert(quote var [a] = 4 end)
  l:insert(quote var [b] = [a] * 10 end)
  return l
end)
terra f()
  declare()
  return [a] + [b]
end
print(f())

-- a macro may return the trees of its arguments (quote.tree)
local swap = macro(function(x, y) return { y.tree, x.tree } end)
terra g()
  var p, q = swap(1, 2)
  return p * 10 + q
end
print(g())

-- a quote naming a function's parameter can be typed while the
-- function is being built (escapes run before it exists)
struct P { u : int8; v : double }
terra h(x : P)
  escape
    for _, name in ipairs({ "u", "v" }) do
      local field = `x.[name]
      print(name, field:gettype())
    end
  end
  return x.v
end
print(h({ 1, 2.5 }))
