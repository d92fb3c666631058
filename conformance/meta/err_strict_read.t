require("strict")
declared = 1
local function show()
  print(declared)
  print(undeclaredname)
end
show()
