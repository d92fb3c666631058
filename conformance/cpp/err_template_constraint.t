-- A template argument that lacks an operation the template requires is
-- reported where the template is instantiated, naming the operation.
import "cpp"

template(Key : "__eq", Value) class Entry
  key : Key
  value : Value
end

struct Point { x : int; y : int }

local ok = Entry(int, double)
local bad = Entry(Point, double)
