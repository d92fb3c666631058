-- A module's result replaces package.loaded[name] even when it is false;
-- a module returning nothing is recorded as true.
package.path = "./mods/?.lua;" .. package.path
print("first", require("returns_false"), package.loaded.returns_false)
-- false counts as not loaded: the module runs again.
print("again", require("returns_false"))
print(require("returns_nothing"), package.loaded.returns_nothing)
print(require("returns_nothing"))
