-- :compile() compiles ahead of the first call; the function still works.
terra sq(x : int) : int return x * x end
sq:compile()
print(sq(9))
print(terralib.isfunction(sq), terralib.isfunction(print))
