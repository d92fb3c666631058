local l = terralib.newlist { 1, 2, 3, 4 }
print(l:fold(0, "+"), l:fold(1, "*"), l:reduce(function(a, b) return a * 10 + b end))
print(terralib.newlist():reduceor(99, "+"))
