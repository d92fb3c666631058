-- Virtual methods dispatch on the object's class through its vtable.
import "cpp"
local cpp = require "cpp"
local C = terralib.includec("stdio.h")

class Animal
  virtual sound() : rawstring return "..." end
  speak() C.printf("%s\n", self:sound()) end
end
class Dog : Animal
  override sound() : rawstring return "woof" end
end
class Cat : Animal
  override sound() : rawstring return "meow" end
end
class Puppy : Dog
  override sound() : rawstring return "yip" end
end
class Fish : Animal end

terra main()
  var zoo : (&Animal)[5]
  zoo[0] = Dog.new(); zoo[1] = Cat.new(); zoo[2] = Puppy.new()
  zoo[3] = Fish.new(); zoo[4] = Animal.new()
  for i = 0, 5 do zoo[i]:speak() end
  for i = 0, 5 do cpp.delete(zoo[i]) end
end
main()
