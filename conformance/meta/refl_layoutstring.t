struct S { a : int, b : &S }
print(S:layoutstring())
