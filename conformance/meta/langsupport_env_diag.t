-- terralib.newenvironment: nested scopes over a Lua environment, and
-- terralib.newdiagnostics: collected, located error messages.
local luaenv = { pi = 3, shadowed = "lua" }
local env = terralib.newenvironment(luaenv)
print(env:luaenv() == luaenv)

env:localenv().x = 1
env:localenv().shadowed = "local"
env:enterblock()
env:localenv().y = 2
local all = env:combinedenv()
print(all.x, all.y, all.pi, all.shadowed, all.missing)
env:leaveblock()
print(env:localenv().x, env:localenv().y, all.y)

local ok, err = pcall(function() all.z = 1 end)
print(ok, err:match("cannot define global variables") ~= nil)

local diag = terralib.newdiagnostics()
print(diag:haserrors())
diag:finishandabortiferrors("nothing to report", 1)

-- Anchors name a file and line; with a byte offset into a readable file
-- the source line is shown with a caret under that byte.
local here = debug.getinfo(1, "S").source:gsub("^@", "")
local src = io.open(here):read("*a")
local offset = src:find("answer" .. " = 42", 1, true) - 1
local answer = 42 -- the line the second message points into
diag:reporterror({ filename = "nowhere.lang", linenumber = 7 }, "first ", "problem")
diag:reporterror({ filename = here, linenumber = 28, offset = offset }, "bad name: ", "answer")
print(diag:haserrors())
local ok, msg = pcall(function() diag:finishandabortiferrors("found errors", 1) end)
print(ok)
io.write(msg:gsub("^[^\n]*:%d+: ", ""), "")
