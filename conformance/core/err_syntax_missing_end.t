-- A terra function without its closing end.
terra f() : int
  return 1
