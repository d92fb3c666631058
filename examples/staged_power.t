-- Staging: a power function specialized for a fixed exponent (square
-- and multiply unrolled at compile time) and a loop unroller.
local function pow(n)
  local x = symbol(double, "x")
  local function build(k)
    if k == 0 then return `1.0 end
    if k % 2 == 0 then
      local half = build(k / 2)
      return quote var h = [half] in h * h end
    end
    return `[x] * [build(k - 1)]
  end
  return terra([x]) return [build(n)] end
end

local function unroll(n, body)
  local stmts = terralib.newlist()
  for i = 0, n - 1 do stmts:insert(body(i)) end
  return stmts
end

local pow5, pow10 = pow(5), pow(10)
terra dot4(a : &double, b : &double)
  var s = 0.0
  [unroll(4, function(i) return quote s = s + a[i] * b[i] end end)]
  return s
end
terra test()
  var a : double[4]; a[0], a[1], a[2], a[3] = 1, 2, 3, 4
  var b : double[4]; b[0], b[1], b[2], b[3] = 5, 6, 7, 8
  return dot4(&a[0], &b[0])
end
print(pow5(2), pow10(2), pow(0)(7))
print(test())
