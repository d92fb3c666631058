-- ASDL: '#' comments in definitions; storing into a sum type stores into
-- all its constructors (define parent methods first: a later parent
-- definition replaces the children's); replacing an inherited
-- __tostring by clearing it on the parent first; singletons, kinds,
-- namespaces, attributes and unique classes.
local asdl = require "asdl"
local List = require "terralist"
local Shapes = asdl.NewContext()
Shapes:Define [[
  # a product: one class
  Point = (number x, number y)   # comment after a definition
  # a sum with constructors, one of them a singleton
  Shape = Circle(Point center, number r)
        | Poly(Point* corners, string? label)
        # comments may sit between constructors
        | Empty
  module Style {
    Pen = (number width) unique   # unique: memoized by field values
    Fill = Solid(string color) | Hatch(number angle)
      attributes (number opacity)
  }
]]
local c = Shapes.Circle(Shapes.Point(0, 0), 2)
local p = Shapes.Poly(List { Shapes.Point(0, 0), Shapes.Point(1, 0), Shapes.Point(0, 1) })
print(c)
print(p)
print(Shapes.Empty, Shapes.Shape:isclassof(Shapes.Empty), Shapes.Empty.kind, c.kind)
print(Shapes.Shape, Shapes.Circle, getmetatable(c) == Shapes.Circle)

-- A parent method reaches every constructor.
function Shapes.Shape:describe() return "a " .. self.kind end
function Shapes.Circle:area() return 3 * self.r * self.r end
print(c:describe(), p:describe(), Shapes.Empty:describe(), c:area())

-- Replacing the generated __tostring for the whole family.
Shapes.Shape.__tostring = nil
function Shapes.Shape:__tostring() return "<" .. self.kind .. ">" end
print(c, p, Shapes.Empty)
-- A child may then specialise it.
function Shapes.Poly:__tostring() return "<poly of " .. #self.corners .. ">" end
print(c, p)

local pen = Shapes.Style.Pen(2)
print(pen, pen == Shapes.Style.Pen(2), pen == Shapes["Style.Pen"](2))
local h = Shapes.Style.Hatch(45, 0.5)
print(h, h.opacity, Shapes.Style.Fill:isclassof(h), Shapes.Shape:isclassof(h))
print(pcall(function() return Shapes.Circle(Shapes.Point(1, 1), true) end))
