-- terralib.debuginfo(file, line) attributes the rest of the function to
-- that file and line in the debug information; the code is unchanged.
terra f(a : int, b : int)
  terralib.debuginfo("elsewhere.lua", 300)
  var c = a + b
  terralib.debuginfo("elsewhere.lua", 301)
  return c * 2
end
print(f(3, 4))
local ir = terralib.saveobj(nil, "llvmir", { f = f }, nil, nil, { Debug = true })
print(ir:find('DIFile(filename: "elsewhere.lua", directory: ".")', 1, true) ~= nil)
print(ir:find("DILocation(line: 301,", 1, true) ~= nil)
