struct S { a : int }
print(S:iscomplete())
S:complete()
print(S:iscomplete(), terralib.sizeof(S))
