-- A query language whose clauses are Lua expressions (lex:luaexpr):
--   from NAME in <list> [where <cond>] select <expr>
--   from NAME in <list> [where <cond>] count
-- Each clause is a function of the environment; the query binds NAME in
-- that environment to each element in turn.
return {
  name = "query",
  entrypoints = { "from" },
  keywords = { "where", "select", "count" },
  expression = function(self, lex)
    lex:expect("from")
    local bound = lex:expect(lex.name).value
    lex:expect("in")
    local source = lex:luaexpr()
    local cond
    if lex:nextif("where") then cond = lex:luaexpr() end
    local sel, counting
    if lex:nextif("count") then
      counting = true
    else
      lex:expect("select")
      sel = lex:luaexpr()
    end
    return function(envfn)
      local env = envfn()
      local out, n = {}, 0
      for _, v in ipairs(source(env)) do
        env[bound] = v
        if not cond or cond(env) then
          n = n + 1
          if not counting then out[n] = sel(env) end
        end
      end
      if counting then return n end
      return out
    end
  end,
}
