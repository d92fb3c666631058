-- An override calls the base implementation through super.
import "cpp"
local cpp = require "cpp"
local C = terralib.includec("stdio.h")

class Logger
  virtual log(msg : rawstring) C.printf("log: %s\n", msg) end
end
class Timestamped : Logger
  t : int
  override log(msg : rawstring)
    self.t = self.t + 1
    C.printf("[%d] ", self.t)
    super.log(self, msg)
  end
end

terra main()
  var l : &Logger = Timestamped.new()
  l:log("start")
  l:log("stop")
  cpp.delete(l)
end
main()
