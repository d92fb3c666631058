local f = terralib.loadfile("mods/helpermod.t")
print(f().double(5))
