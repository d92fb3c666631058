-- os.clock measures the process's CPU time, as C's clock() does under
-- Lua 5.1 and LuaJIT: waiting for a child process costs none of it, and a
-- busy loop makes it advance.
local before = os.clock()
os.execute("sleep 0.4")
local waited = os.clock() - before
print("waiting for a child counted", waited < 0.2 and "little" or ("much: " .. waited))

local start = os.clock()
local spins = 0
while os.clock() - start < 0.05 do spins = spins + 1 end
print("busy loop advanced the clock", spins > 0)
