-- A language that reports how its lexer's token types relate to
-- terralib.languageextension and the Pratt library's.
local P = require "parsing"
local le = terralib.languageextension
return {
  name = "tokenkinds",
  entrypoints = { "kinds" },
  keywords = {},
  expression = function(self, lex)
    lex:expect("kinds")
    local t = lex:next()
    local facts = {
      lex.name == le.name and P.name == le.name,
      lex.number == le.number and lex.string == le.string and lex.eof == le.eof,
      lex.default == le.default and P.default == le.default,
      tostring(le.default),
      t.type,
    }
    return function() return unpack(facts) end
  end,
}
