-- An interface with a single method is callable like a function value;
-- here a comparator for a small insertion sort.
import "cpp"
local C = terralib.includec("stdio.h")

interface Less
  less(a : int, b : int) : bool
end

class Ascending implements Less
  less(a : int, b : int) : bool return a < b end
end
class ByLastDigit implements Less
  calls : int
  less(a : int, b : int) : bool self.calls = self.calls + 1; return a % 10 < b % 10 end
end

terra sort(xs : &int, n : int, lt : Less)
  for i = 1, n do
    var j = i
    while j > 0 and lt(xs[j], xs[j - 1]) do
      xs[j], xs[j - 1] = xs[j - 1], xs[j]
      j = j - 1
    end
  end
end

terra main()
  var xs = arrayof(int, 42, 7, 19, 100, 33)
  var up = Ascending()
  sort(&xs[0], 5, &up)
  for i = 0, 5 do C.printf("%d ", xs[i]) end
  var last = ByLastDigit()
  last.calls = 0
  sort(&xs[0], 5, &last)
  C.printf("|")
  for i = 0, 5 do C.printf(" %d", xs[i]) end
  C.printf(" (%d comparisons)\n", last.calls)
end
main()
