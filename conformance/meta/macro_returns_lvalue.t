local first = macro(function(arr) return `arr[0] end)
terra f() var a : int[3]; a[0] = 1; first(a) = 42; return a[0] end
print(f())
