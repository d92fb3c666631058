struct S { x : double, y : double }
S:printpretty()
