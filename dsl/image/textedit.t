-- image.textedit: text edits on file contents. sed-like substitution runs
-- in Terra on libc's POSIX regex engine (so a compiled builder can run the
-- same code at run time); Kconfig .config edits are line work in Lua.
local ffi = require "ffi"
local U = require "image.util"

local E = {}

local C = terralib.includecstring [[
#include <regex.h>
#include <stdlib.h>
#include <string.h>
]]

-- The importer cannot size regex_t (it holds bit-fields), so it lives in
-- storage of our own: glibc's is 64 bytes on x86-64 and aarch64.
local REGEX_BYTES = 256
local NSUB = 10
-- glibc's flag values (the importer skips macros written as shifts)
local REG_EXTENDED, REG_ICASE, REG_NEWLINE, REG_STARTEND = 1, 2, 4, 4

-- put copies len bytes to buf + o (buf nil: only counts) and returns the
-- new end.
local terra put(buf : &uint8, o : int64, p : &uint8, len : int64) : int64
  if buf ~= nil then C.memcpy(buf + o, p, len) end
  return o + len
end

-- Result codes of subst.
E.OK, E.NOMATCH, E.BADREGEX = 0, 1, 2

-- subst finds the first match of the POSIX extended regex pat in text[0,n)
-- and writes the text with that match replaced into a malloc'd buffer
-- (*out, *outlen). In repl, & is the match, \1..\9 the groups, \n a
-- newline, and \ before any other byte stands for that byte. With
-- newline set, ^ and $ match at line ends and . does not match a newline,
-- as in sed. It returns E.OK, E.NOMATCH, or E.BADREGEX with the reason in
-- err.
terra E.subst(text : &uint8, n : int64, pat : rawstring, icase : bool, newline : bool,
              replacement : rawstring, rlen : int64, out : &&uint8, outlen : &int64,
              err : &int8, errn : int64) : int
  var repl = [&uint8](replacement)
  var store : uint64[REGEX_BYTES / 8]
  var re = [&C.regex_t](&store[0])
  var flags = REG_EXTENDED
  if icase then flags = flags or REG_ICASE end
  if newline then flags = flags or REG_NEWLINE end
  var rc = C.regcomp(re, pat, flags)
  if rc ~= 0 then
    C.regerror(rc, re, err, errn)
    return E.BADREGEX
  end
  var m : C.regmatch_t[NSUB]
  m[0].rm_so, m[0].rm_eo = 0, n -- REG_STARTEND: match within [0, n), NULs included
  rc = C.regexec(re, [rawstring](text), NSUB, &m[0], REG_STARTEND)
  C.regfree(re)
  if rc ~= 0 then return E.NOMATCH end
  -- first pass sizes the result, second pass writes it
  var size : int64 = 0
  var buf : &uint8 = nil
  for pass = 0, 2 do
    if pass == 1 then buf = [&uint8](C.malloc(size + 1)) end
    var o = put(buf, 0, text, m[0].rm_so)
    var i : int64 = 0
    while i < rlen do
      var c = repl[i]
      if c == 38 then -- &
        o = put(buf, o, text + m[0].rm_so, m[0].rm_eo - m[0].rm_so)
      elseif c == 92 and i + 1 < rlen then -- backslash
        i = i + 1
        var d = repl[i]
        if d >= 48 and d <= 57 then
          var g = d - 48
          if m[g].rm_so >= 0 then o = put(buf, o, text + m[g].rm_so, m[g].rm_eo - m[g].rm_so) end
        elseif d == 110 then -- \n
          var nl : uint8 = 10
          o = put(buf, o, &nl, 1)
        else
          o = put(buf, o, repl + i, 1)
        end
      else
        o = put(buf, o, repl + i, 1)
      end
      i = i + 1
    end
    size = put(buf, o, text + m[0].rm_eo, n - m[0].rm_eo)
  end
  @out, @outlen = buf, size
  return E.OK
end

terra E.free(p : &opaque) C.free(p) end

---------------------------------------------------------------------------
-- Lua side

-- groups counts the parenthesized groups of an extended regex (outside
-- bracket expressions and escapes), to check \N in replacements.
local function groups(pat)
  local n, i = 0, 1
  while i <= #pat do
    local c = pat:sub(i, i)
    if c == "\\" then
      i = i + 1
    elseif c == "[" then
      local j = i + 1
      if pat:sub(j, j) == "^" then j = j + 1 end
      if pat:sub(j, j) == "]" then j = j + 1 end
      while j <= #pat and pat:sub(j, j) ~= "]" do
        if pat:sub(j, j + 1):match("^%[[:.=]") then
          local close = pat:find(pat:sub(j + 1, j + 1) .. "]", j + 2, true)
          j = close and close + 1 or j
        end
        j = j + 1
      end
      i = j
    elseif c == "(" then
      n = n + 1
    end
    i = i + 1
  end
  return n
end

local outp = terralib.new((&uint8)[1])
local outn = terralib.new(int64[1])
local errbuf = terralib.new(int8[256])

-- sed returns text with the first match of pattern replaced, or nil and a
-- reason. opts: icase = true; multiline = true lets . match newlines and
-- ^/$ only the ends of the text (default: line by line, as sed).
function E.sed(text, pattern, replacement, opts)
  opts = opts or {}
  if type(text) ~= "string" then return nil, "text must be a string" end
  if type(pattern) ~= "string" or pattern == "" then return nil, "a pattern string expected" end
  if pattern:find("%z") then return nil, "the pattern holds a NUL byte" end
  if type(replacement) ~= "string" then return nil, "a replacement string expected" end
  local ng = groups(pattern)
  for d in replacement:gsub("\\\\", ""):gmatch("\\(%d)") do
    if tonumber(d) > ng then
      return nil, string.format("replacement refers to \\%s but /%s/ has %d group%s", d, pattern, ng, ng == 1 and "" or "s")
    end
  end
  local rc = E.subst(text, #text, pattern, opts.icase and true or false, not opts.multiline,
    replacement, #replacement, outp, outn, errbuf, 256)
  if rc == E.BADREGEX then
    return nil, string.format("bad regular expression /%s/: %s", pattern, ffi.string(errbuf))
  elseif rc == E.NOMATCH then
    return nil, string.format("no match for /%s/", pattern)
  end
  local s = ffi.string(outp[0], outn[0])
  E.free(outp[0])
  return s
end

---------------------------------------------------------------------------
-- Kconfig .config files

local Kconfig = {}
Kconfig.__index = Kconfig

-- kconfig makes an editor over the text of a .config file. what names it
-- in errors; store, if given, receives the new text after each change.
function E.kconfig(text, what, store)
  local lines = {}
  for line in (text or ""):gmatch("([^\n]*)\n") do lines[#lines + 1] = line end
  local tail = (text or ""):match("([^\n]+)$")
  if tail then lines[#lines + 1] = tail end
  return setmetatable({ lines = lines, what = what or "kconfig", store = store }, Kconfig)
end

-- find returns the index of the line that sets or unsets name.
function Kconfig:find(name)
  local set, unset = name .. "=", "# " .. name .. " is not set"
  for i, l in ipairs(self.lines) do
    if l:sub(1, #set) == set or l == unset then return i end
  end
end

local function checkname(self, name, level)
  if type(name) ~= "string" or not name:match("^CONFIG_[%w_]+$") then
    U.fail(level + 1, "%s: bad option name %s (CONFIG_ and letters, digits, _)", self.what, tostring(name))
  end
end

-- format gives the text after "NAME=": y, m, numbers and hex stay bare,
-- other strings are quoted with \ before " and \.
local function format(self, name, value, level)
  if value == "y" or value == "m" then return value end
  if type(value) == "number" then
    if value ~= math.floor(value) then U.fail(level + 1, "%s: %s: %s is not an integer", self.what, name, tostring(value)) end
    return string.format("%d", value)
  end
  if type(value) == "boolean" then return value and "y" or nil end
  if type(value) ~= "string" then U.fail(level + 1, "%s: %s: bad value %s", self.what, name, tostring(value)) end
  if value:find("[\n%z]") then U.fail(level + 1, "%s: %s: a value cannot hold a newline or NUL", self.what, name) end
  if value:match("^%-?%d+$") or value:match("^0[xX]%x+$") then return value end
  return '"' .. value:gsub('[\\"]', "\\%0") .. '"'
end

function Kconfig:put(name, line)
  local i = self:find(name)
  if i then self.lines[i] = line else self.lines[#self.lines + 1] = line end
  if self.store then self.store(self:text()) end
  return self
end

-- set makes name = value: "y", "m", a number, or a string (quoted);
-- "n" and false mean unset.
function Kconfig:set(name, value, level)
  level = (level or 0) + 1
  checkname(self, name, level)
  if value == "n" or value == false then return (self:unset(name, level)) end
  return self:put(name, name .. "=" .. format(self, name, value, level))
end

-- setstring quotes value even when it looks like a number.
function Kconfig:setstring(name, value, level)
  level = (level or 0) + 1
  checkname(self, name, level)
  if type(value) ~= "string" or value:find("[\n%z]") then U.fail(level, "%s: %s: a one-line string expected", self.what, name) end
  return self:put(name, name .. '="' .. value:gsub('[\\"]', "\\%0") .. '"')
end

-- unset writes "# NAME is not set".
function Kconfig:unset(name, level)
  checkname(self, name, (level or 0) + 1)
  return self:put(name, "# " .. name .. " is not set")
end

-- get returns the value as written ("y", "m", a quoted string unquoted, a
-- number as text), false when it is not set, nil when absent.
function Kconfig:get(name)
  local i = self:find(name)
  if not i then return nil end
  local v = self.lines[i]:match("^[^=]*=(.*)$")
  if not v then return false end
  local q = v:match('^"(.*)"$')
  if q then return (q:gsub("\\(.)", "%1")) end
  return v
end

-- apply sets every name = value of a table, in name order (false unsets).
function Kconfig:apply(edits, level)
  level = (level or 0) + 1
  if type(edits) ~= "table" then U.fail(level, "%s: a table of CONFIG_NAME = value expected", self.what) end
  local names = {}
  for k in pairs(edits) do
    if type(k) ~= "string" then U.fail(level, "%s: option names must be strings", self.what) end
    names[#names + 1] = k
  end
  table.sort(names)
  for _, k in ipairs(names) do self:set(k, edits[k], level) end
  return self
end

-- text is the file's new contents.
function Kconfig:text()
  if #self.lines == 0 then return "" end
  return table.concat(self.lines, "\n") .. "\n"
end

return E
