local chunk = terralib.loadstring("terra sq(x : int) return x * x end return sq(9)")
print(chunk())
local bad, err = terralib.loadstring("terra (")
print(bad, err ~= nil)
