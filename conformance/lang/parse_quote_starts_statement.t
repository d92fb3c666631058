-- A quote on the line after a bare name does not continue it.
local f, err = terralib.loadstring("x\nquote\nend")
print(f, err:match("unexpected symbol near 'quote'") ~= nil)
