-- vector(vector(int)) and vector(string) compose: the outer vector's
-- copy copies every inner vector, and destruction frees everything.
local cpp = require "cpp"
local C = terralib.includec("stdio.h")
local VI = cpp.vector(int)
local VVI = cpp.vector(VI)
local VS = cpp.vector(cpp.string)

terra main()
  var grid : VVI
  for r = 0, 4 do
    var row : VI
    for c = 0, r + 1 do row:push(r * 10 + c) end
    grid:push(row)
  end
  var copy = grid
  copy(2)(0) = -5
  copy(3):push(99)
  for row in grid do
    for x in row do C.printf("%d ", x) end
    C.printf("| ")
  end
  C.printf("\n")
  for row in copy do
    for x in row do C.printf("%d ", x) end
    C.printf("| ")
  end
  C.printf("\n")
  var names : VS
  names:push("short")
  names:push("a name longer than fifteen bytes")
  var s : cpp.string = "kept"
  names:push(s)
  var names2 = names
  names2(0):append("!")
  C.printf("%s %s %s / %s %s\n", names(0):c_str(), names(1):c_str(), names(2):c_str(),
    names2(0):c_str(), s:c_str())
  names:erase(0)
  C.printf("%lld %s\n", names:size(), names(0):c_str())
end
main()
