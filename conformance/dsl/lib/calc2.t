-- A second language that also uses the entry point "calc".
return {
  name = "calc2",
  entrypoints = { "calc" },
  keywords = {},
  expression = function(self, lex)
    lex:expect("calc")
    lex:expect("end")
    return function() return 0 end
  end,
}
