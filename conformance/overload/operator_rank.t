-- Operator metamethods: every definition the operands' types offer is a
-- candidate, the closest match wins (on a tie the first listed is used)
-- and operands are passed by address to definitions that want pointers.
struct Pair { a : float, b : float }
local terra pp(x : Pair, y : Pair) return Pair { x.a + y.a, x.b + y.b } end
local terra ps(x : Pair, y : float) return Pair { x.a + y, x.b + 1000 } end
local terra sp(x : float, y : Pair) return Pair { x + y.a, 2000 + y.b } end
Pair.metamethods.__add = terralib.overloadedfunction("add", {pp, ps, sp})
Pair.metamethods.__cast = function(from, to, e)
  if from:isarithmetic() and to == Pair then return `Pair { e, e } end
  error("no conversion")
end
Pair.metamethods.__unm = terra(self : &Pair) return Pair { -self.a, -self.b } end
terra run()
  var u = Pair { 1, 2 }
  var f : float = 3
  var s = u + f        -- (Pair, float) matches exactly
  var t = f + u        -- (float, Pair)
  var i = u + 3        -- both (Pair, Pair) and (Pair, float) need a
                       -- conversion of 3: the first one listed is taken
  var w = u + u
  var n = -(u + u)     -- __unm wants &Pair: the temporary's address is taken
  return s.a, s.b, t.a, t.b, i.a, i.b, w.a, w.b, n.a, n.b
end
print(unpacktuple(run()))
