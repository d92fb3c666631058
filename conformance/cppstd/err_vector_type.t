-- vector(T) needs a Terra type.
local cpp = require "cpp"
local V = cpp.vector("int")
