struct C { v : int }
C.metamethods.__cast = function(from, to, exp)
  if from == C and to == double then return `[double](exp.v) + 0.5 end
  error("no")
end
terra f() var c = C { 3 }; return [double](c) end
print(f())
