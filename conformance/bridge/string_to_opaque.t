-- A string also converts to &opaque (void*) and &uint8.
terra firstop(p : &opaque) : int return @[&int8](p) end
terra firstu(p : &uint8) : int return p[1] end
print(firstop("xyz"), firstu("xyz"))
