-- A language module that raises an error while it is being loaded.
local function setup()
  error("language setup failed")
end
setup()
return { name = "neverloaded", entrypoints = { "never" } }
