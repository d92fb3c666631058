-- An entry already in a document must be copied before it is inserted.
local image = require "image"
local g = image.grubcfg.parse("menuentry 'a' {\n\tlinux /k\n}\nsubmenu 's' {\n}\n")
local a = g:find("a")
print(pcall(g.insert, g, a:copy(), { into = a }))
local other = image.grubcfg.parse("menuentry 'b' {\n}\n")
print(pcall(g.insert, g, a:copy(), { after = other:find("b") }))
print(pcall(other:find("b").set_kernel, other:find("b"), "/k"))
g:insert(a, { into = g:find("s") })
