-- Vector types LLVM cannot represent are refused where they are built.
print(pcall(vector, int, 0))
print(pcall(function() local T = int[-1] end))
struct S { x : int }
print(pcall(vector, S, 4))
terra f() var a = vectorof(int) return a end
f:compile()
