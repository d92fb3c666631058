-- Copying a struct that holds a union copies every byte of the union,
-- including bytes that are padding in the member with the strictest
-- alignment.
struct Padded { tag : uint32, val : double }    -- bytes 4..7 are padding
struct Holder { union { bytes : int8[16], p : Padded } }
terra fill(h : &Holder)
  for i = 0, 16 do h.bytes[i] = i + 1 end
end
terra sum(h : Holder)
  var s = 0
  for i = 0, 16 do s = s + h.bytes[i] end
  return s
end
terra run()
  var a : Holder
  fill(&a)
  var b = a          -- a copy
  var c : Holder
  c = b              -- an assignment
  return sum(c), c.bytes[5]
end
print(unpacktuple(run()))
