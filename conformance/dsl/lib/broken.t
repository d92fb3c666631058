-- A language whose parser fails with a Lua error.
return {
  name = "broken",
  entrypoints = { "broken" },
  expression = function(self, lex)
    lex:next()
    local t = lex:next()
    return t.value.missing.field
  end,
}
