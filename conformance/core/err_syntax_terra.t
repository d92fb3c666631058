-- A syntax error inside a Terra function.
terra f() : int
  var x = * 2
  return x
end
