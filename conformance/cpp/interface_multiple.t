-- A class implements several interfaces; each converts separately.
import "cpp"
local C = terralib.includec("stdio.h")

interface Reader read() : int end
interface Writer write(v : int) end
interface Sized
  size() : int
  empty() : bool
end

class Buffer implements Reader, Writer, Sized
  data : int[8]
  n : int
  new() self.n = 0 end
  read() : int self.n = self.n - 1; return self.data[self.n] end
  write(v : int) self.data[self.n] = v; self.n = self.n + 1 end
  size() : int return self.n end
  empty() : bool return self.n == 0 end
end

terra fill(w : Writer, k : int) for i = 0, k do w:write(i * i) end end
terra drain(r : Reader, s : Sized)
  while not s:empty() do C.printf("%d ", r:read()) end
  C.printf("(size %d)\n", s:size())
end

terra main()
  var b = Buffer()
  fill(&b, 5)
  drain(&b, &b)
end
main()
