struct P { x : int }
local g = global(P, {x = "no"})
