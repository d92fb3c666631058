-- An interface call reaches the override of a subclass: the method
-- table calls the class's method, which dispatches virtually.
import "cpp"
local cpp = require "cpp"
local C = terralib.includec("stdio.h")

interface Greeter greet() end

class Person implements Greeter
  virtual greet() C.printf("hello\n") end
end
class Pirate : Person
  override greet() C.printf("ahoy\n") end
end

terra main()
  var p : &Person = Pirate.new()
  var g : Greeter = p
  g:greet()
  var q = Pirate.new()
  var h : Greeter = q
  h:greet()
  C.printf("Pirate implements Greeter: %d\n", [cpp.implements(Pirate, Greeter)])
  cpp.delete(p); cpp.delete(q)
end
main()
