terralib.setdebuginfo("lines") -- A statement spliced from a quote faults at the quote's line, inside the
-- function it was spliced into.
local function clear(p)
  return quote
    @[p] = 0
  end
end

terra use(p : &int) : int
  [clear(p)]
  return 1
end

print(use(nil))
