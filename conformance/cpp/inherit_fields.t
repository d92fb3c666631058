-- A derived class has its base's fields first and inherits its methods;
-- a &Derived converts to a &Base.
import "cpp"
local C = terralib.includec("stdio.h")

class Animal
  legs : int
  name : rawstring
  new(n : rawstring, legs : int) self.name = n; self.legs = legs end
  describe() C.printf("%s has %d legs\n", self.name, self.legs) end
end

class Bird : Animal
  wingspan : double
  new(n : rawstring, w : double) super.init(self, n, 2); self.wingspan = w end
  fly() C.printf("%s flies %g m\n", self.name, self.wingspan) end
end

terra show(a : &Animal) a:describe() end

terra main()
  var b = Bird("robin", 0.3)
  b:describe()
  b:fly()
  show(&b)
  var a : &Animal = &b
  C.printf("same address: %d, prefix: %d\n", [&opaque](a) == [&opaque](&b),
           [int](sizeof(Bird)) > [int](sizeof(Animal)))
end
main()
