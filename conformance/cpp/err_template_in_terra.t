-- A template instantiated in a Terra type is reported at that type.
import "cpp"

template(T : {"__lt"}) class Sorted
  items : T[4]
end

struct Opaque { p : &opaque }

terra f()
  var s : Sorted(int)
  var t : Sorted(Opaque)
end
f()
