-- Helpers for languages built on terrac (the compilers of language
-- extensions): nested scopes of names over a Lua environment, a
-- collector of located error messages, and the lexer's token types.
-- Installed as terralib.newenvironment, terralib.newdiagnostics and
-- terralib.languageextension.

local List = terralib.newlist

-- environment ----------------------------------------------------------
-- Scopes are tables chained by __index, innermost first, so a lookup in
-- the current scope sees every enclosing one.
local Env = {}
Env.__index = Env

function Env:enterblock()
  self._scope = setmetatable({}, { __index = self._scope })
end

function Env:leaveblock()
  local mt = getmetatable(self._scope)
  self._scope = mt and mt.__index
end

function Env:localenv() return self._scope end
function Env:luaenv() return self._lua end
function Env:combinedenv() return self._combined end

local function newenvironment(luaenv)
  local env = setmetatable({ _lua = luaenv }, Env)
  -- Local names shadow the Lua environment; the view is read-only.
  env._combined = setmetatable({}, {
    __index = function(_, k)
      local v = env._scope[k]
      if v == nil and env._lua ~= nil then v = env._lua[k] end
      return v
    end,
    __newindex = function()
      error("cannot define global variables or assign to upvalues in an escape", 2)
    end,
  })
  env:enterblock()
  return env
end

-- diagnostics ----------------------------------------------------------
local sources = setmetatable({}, { __mode = "v" })

local function sourcetext(filename)
  local text = sources[filename]
  if text == nil then
    local f = io.open(filename, "r")
    if f then
      text = f:read("*a")
      f:close()
      sources[filename] = text
    end
  end
  return text
end

-- "file:line: message" and, when the anchor has a byte offset into a
-- readable file, that source line with a caret under the offset.
local function located(anchor, ...)
  if type(anchor) ~= "table" or anchor.filename == nil or anchor.linenumber == nil then
    error("diagnostic needs an anchor with filename and linenumber", 3)
  end
  local parts = List { anchor.filename, ":", tostring(anchor.linenumber), ": " }
  for i = 1, select("#", ...) do parts:insert(tostring((select(i, ...)))) end
  parts:insert("\n")
  local text = anchor.offset and sourcetext(anchor.filename)
  if text then
    local pos = anchor.offset + 1
    local first = pos
    while first > 1 and text:sub(first - 1, first - 1) ~= "\n" do first = first - 1 end
    local last = text:find("\n", pos, true)
    last = last and last - 1 or #text
    parts:insert(text:sub(first, last))
    parts:insert("\n")
    -- Tabs are kept so the caret lines up under tab-indented code.
    parts:insert((text:sub(first, pos - 1):gsub("[^\t]", " ")))
    parts:insert("^\n")
  end
  return parts:concat()
end

local Diag = {}
Diag.__index = Diag

function Diag:reporterror(anchor, ...)
  self.errors:insert(located(anchor, ...))
end

function Diag:haserrors() return #self.errors > 0 end

-- Raises msg followed by every collected error, blaming the caller
-- depth levels above the one calling this method.
function Diag:finishandabortiferrors(msg, depth)
  if #self.errors > 0 then
    error(tostring(msg) .. "\n" .. self.errors:concat(), (depth or 1) + 1)
  end
end

local function newdiagnostics()
  return setmetatable({ errors = List() }, Diag)
end

-- languageextension: the token types a language's lexer reports for
-- names, strings, numbers and the end of input (also lex.name etc.), and
-- default, which matches no token: libraries use it as a key for "any
-- other token" (the Pratt library's default rules).
local languageextension = {
  name = "<name>", string = "<string>", number = "<number>", eof = "<eof>",
  default = setmetatable({}, { __tostring = function() return "<default>" end }),
}

return {
  newenvironment = newenvironment,
  newdiagnostics = newdiagnostics,
  languageextension = languageextension,
}
