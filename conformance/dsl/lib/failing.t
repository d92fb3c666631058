-- A language module that fails while it loads, one call deep.
local function setup()
  error("cannot set up this language")
end
setup()
return { entrypoints = { "never" }, keywords = {} }
