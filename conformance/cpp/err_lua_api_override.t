-- Errors from the Lua API are reported at the Lua line that made the call.
local cpp = require "cpp"

local Base = cpp.class("Base")
cpp.virtual(Base, "get", terra(self : &Base) : int return 1 end)
cpp.finish(Base)

local Derived = cpp.class("Derived", { base = Base })
cpp.override(Derived, "get",
  terra(self : &Derived) : double return 2 end)
