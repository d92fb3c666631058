struct S {
  [42] : double
}
