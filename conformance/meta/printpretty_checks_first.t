-- printpretty shows a function after typechecking it, so a broken body is
-- reported there (functions are otherwise checked on first use).
terra fine(x : int) return x + 1 end
fine:printpretty()
terra broken() return 1 + {} end
local ok, msg = pcall(function() broken:printpretty() end)
print(ok, msg:match("Errors reported during typechecking") ~= nil)
