local function a() return end
local function b() return 1 end
local function c() return 1, 2, f() end
local function d() return (f()) end
local function e()
  return
end
return
