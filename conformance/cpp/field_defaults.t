-- Fields may have default values, stored in every new object (and those
-- of its base classes) before a constructor runs.
import "cpp"
local cpp = require "cpp"
local C = terralib.includec("stdio.h")

local LIMIT = 10

class Settings
  retries : int = 3
  ratio, scale : double = 0.5
  limit : int = LIMIT * 2
  new() end
  new(r : int) self.retries = r end
  show() C.printf("%d %g %g %d\n", self.retries, self.ratio, self.scale, self.limit) end
end

class Verbose : Settings
  level : int = LIMIT + 1
  new() super.init(self) end
end

terra main()
  var a = Settings()
  var b = Settings(7)
  var c = Verbose.new()
  a:show(); b:show(); c:show()
  C.printf("level %d\n", c.level)
  cpp.delete(c)
end
main()
