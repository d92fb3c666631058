local s = "a\tb\nc\\d\"e'"
local s2 = 'x\65\066\0677y'
local s3 = [[
first newline dropped]]
local s4 = [==[
a ]] b ]=] c
]==]
local s5 = "line\
continued"
-- comment
--[[ long
comment ]] local s6 = "after"
--[==[ another
]==]
