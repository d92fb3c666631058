-- How tree paths are cleaned: "/", "." and empty components go, names
-- that merely start or end with dots stay, ".." and NUL are refused.
local T = require "image.tree"
for _, p in ipairs{ "etc/passwd", "/etc/passwd", "etc//passwd/", "./etc/./passwd", "etc/.",
    "..hidden/x", "a/..b", "a/b..", "...", ".a/.b", "a/../b", "..", "a/..", "../a", ".", "/", "", "a\0b",
    "a b/ünï\tcode" } do
  local c, why = T.cleanpath(p)
  print(string.format("%-18q -> %s", p, c and string.format("%q", c) or ("error: " .. why)))
end
