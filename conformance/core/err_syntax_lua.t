-- A syntax error in Lua code is reported with line and column.
print("never printed")
x = = 1
