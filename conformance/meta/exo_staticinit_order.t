struct Inner { x : int }
struct Outer { i : Inner, y : int }
Inner.metamethods.__staticinitialize = function(self) print("inner") end
Outer.metamethods.__staticinitialize = function(self) print("outer") end
Outer:complete()
print(Outer:iscomplete(), Inner:iscomplete())
