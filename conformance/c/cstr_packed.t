-- A packed struct is imported as an opaque type with a reason.
local C, T = terralib.includecstring [[ struct __attribute__((packed)) pk { char c; int i; }; ]]
print(terralib.types.istype(T.pk))
print(pcall(function() return getmetatable(T).errors.pk end))
