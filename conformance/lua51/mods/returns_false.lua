-- The module marks itself loaded, sees that mark through a nested require,
-- then returns false, which replaces the mark.
package.loaded["returns_false"] = "marked"
print("nested sees", require("returns_false"))
return false
