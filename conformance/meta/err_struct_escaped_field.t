local k = "x"
struct S {
  x : int
  [k] : double
}
