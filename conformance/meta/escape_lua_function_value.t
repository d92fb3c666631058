local function pick(n) if n > 2 then return `1 else return `0 end end
terra f() return [pick(5)] * 10 + [pick(1)] end
print(f())
