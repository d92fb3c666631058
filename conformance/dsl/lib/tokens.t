-- A language that shows the tokens it reads: tokens <tok>* end yields a
-- string with each token's type, value, the value's Lua type and its
-- Terra value type; tokval <number> end yields the number's value.
return {
  name = "tokens",
  entrypoints = { "tokens", "tokval" },
  keywords = {},
  expression = function(self, lex)
    if lex:nextif("tokval") then
      local v = lex:expect(lex.number).value
      lex:expect("end")
      return function() return v end
    end
    lex:expect("tokens")
    local out = {}
    while not lex:matches("end") do
      local t = lex:next()
      local vt = t.valuetype and tostring(t.valuetype) or "-"
      out[#out + 1] = t.type .. " " .. tostring(t.value) .. " " .. type(t.value) .. " " .. vt
    end
    lex:expect("end")
    return function() return table.concat(out, "\n") end
  end,
}
