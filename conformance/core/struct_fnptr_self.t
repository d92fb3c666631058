-- A struct passed by value whose first member is a pointer to a function
-- taking that same struct: classifying the struct for the call must not need
-- the signature it is part of.
struct Node {
  visit : Node -> int
  value : int
}
struct Pair {
  next : &Pair
  weight : Pair -> double
}

terra visit(n : Node) : int return n.value * 2 end
terra weight(p : Pair) : double return 1.5 end

terra run() : double
  var n = Node { visit, 21 }
  var p = Pair { nil, weight }
  p.next = &p
  return n.visit(n) + p.next.weight(p)
end
print(run())
