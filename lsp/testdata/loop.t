terra fine() : int return 1 end
local n = 0
while true do
  n = n + 1
end
terra never() : int return nil end
