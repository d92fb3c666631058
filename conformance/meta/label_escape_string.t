-- An escaped label must be a label object: a string names fields and
-- methods, never a goto target.
local target = "finish"
terra f()
  goto [target]
  ::[target]::
end
f:compile()
