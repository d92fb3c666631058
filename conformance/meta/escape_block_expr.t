terra f() return escape emit(`40 + 2) end end
print(f())
