-- A label can name a struct field: added through the entries table, read
-- with x.[l], and located with terralib.offsetof.
local tag = label("tag")
local other = label("tag") -- same display name, different field

struct Box { n : int }
Box.entries:insert { field = tag, type = double }
Box.entries:insert { field = other, type = int8 }

terra fill(b : &Box)
  b.[tag] = 2.5
  b.[other] = 7
  return b.[tag] + b.[other] + b.n
end

local b = terralib.new(Box)
b.n = 1
print(fill(b))
print(terralib.offsetof(Box, tag), terralib.offsetof(Box, other), terralib.sizeof(Box))
