-- Casting to a function type (not a pointer) is an error.
terralib.cast({int} -> int, function() end)
terralib.cast(terralib.types.functype({int}, int), 1)
