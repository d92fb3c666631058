-- a Terra function that dereferences NULL
terra boom(p : &int) : int return @p end
print("before")
print(boom(nil))
print("not reached")
