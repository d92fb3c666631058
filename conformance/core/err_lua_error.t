-- A Lua runtime error ends the program with its message and position.
print("before")
error("boom")
print("after")
