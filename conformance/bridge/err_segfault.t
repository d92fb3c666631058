-- A segmentation fault in Terra code is a Lua error naming the function.
terra bad(p : &int) : int return @p end
print("before")
bad(terralib.cast(&int, 16))
