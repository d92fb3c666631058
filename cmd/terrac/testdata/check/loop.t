terra bad() : int return {} end
while true do end
