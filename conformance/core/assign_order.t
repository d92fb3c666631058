-- An assignment reads all its right-hand sides first; then, left to
-- right, each target's address is computed and the value stored.
struct Pt { x : int, y : int }
terra bump(p : &Pt) : int p.x = 99 return 0 end
terra run()
  var dst : Pt[2]
  var a = Pt { 1, 2 }
  dst[bump(&a)] = a                  -- a was read before bump ran
  var i, arr = 0, arrayof(int, 0, 0, 0)
  i, arr[i] = 2, 7                   -- arr[i] uses the i just stored
  var u, v = 1, 2
  u, v = v, u
  return dst[0].x, a.x, arr[0], arr[2], u, v
end
print(unpacktuple(run()))
