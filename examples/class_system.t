-- A small class system: single inheritance with virtual methods. Each
-- class's layout comes from __getentries (one function-pointer slot per
-- virtual method, then the inherited fields, then its own); calls to
-- virtual methods are not in the methods table, so __methodmissing
-- turns them into indirect calls through the object's slot.
local classes = {}

local function class(name, parent)
  local T = terralib.types.newstruct(name)
  local info = { fields = terralib.newlist(), vnames = terralib.newlist(), impl = {}, sig = {} }
  if parent then
    local p = classes[parent]
    info.fields:insertall(p.fields)
    info.vnames:insertall(p.vnames)
    for k, v in pairs(p.impl) do info.impl[k] = v end
    for k, v in pairs(p.sig) do info.sig[k] = v end
  end
  classes[T] = info
  T.metamethods.__getentries = function(self)
    local es = terralib.newlist()
    for _, n in ipairs(info.vnames) do es:insert { field = "vt_" .. n, type = &opaque } end
    es:insertall(info.fields)
    return es
  end
  T.metamethods.__methodmissing = macro(function(mname, self, ...)
    local ft = info.sig[mname]
    if ft == nil then error("class " .. name .. " has no method " .. mname) end
    local args = terralib.newlist { ... }
    local obj = self:gettype():ispointer() and self or `&self
    return `[ft](obj.["vt_" .. mname])([&opaque](obj), [args])
  end)
  -- Upcasts: a pointer to a subclass converts to a pointer to this class.
  T.metamethods.__cast = function(from, to, exp)
    if from:ispointer() and to == &T and from.type ~= T and classes[from.type] then
      return `[&T](exp)
    end
    error("not a subclass")
  end
  return T
end

local function field(T, name, ty) classes[T].fields:insert { field = name, type = ty } end

-- virtual(T, name, params, result, impl): impl takes self : &T first.
local function virtual(T, name, params, result, impl)
  local info = classes[T]
  if info.sig[name] == nil then
    info.vnames:insert(name)
    info.sig[name] = terralib.types.funcpointer({ &opaque, unpack(params) }, result)
  end
  info.impl[name] = impl
end

-- finish defines T:init(), which fills the slots with T's overrides.
local function finish(T)
  local info = classes[T]
  terra T.methods.init(self : &T)
    escape
      for _, n in ipairs(info.vnames) do
        emit quote self.["vt_" .. n] = [&opaque]([info.impl[n]]) end
      end
    end
  end
end

local Shape = class("Shape")
field(Shape, "id", int)
virtual(Shape, "area", {}, double, terra(self : &Shape) : double return 0 end)
virtual(Shape, "scale", { double }, {}, terra(self : &Shape, k : double) end)
finish(Shape)

local Rect = class("Rect", Shape)
field(Rect, "w", double)
field(Rect, "h", double)
virtual(Rect, "area", {}, double, terra(self : &Rect) : double return self.w * self.h end)
virtual(Rect, "scale", { double }, {}, terra(self : &Rect, k : double) self.w = self.w * k; self.h = self.h * k end)
finish(Rect)

local Circle = class("Circle", Shape)
field(Circle, "r", double)
virtual(Circle, "area", {}, double, terra(self : &Circle) : double return 3.0 * self.r * self.r end)
finish(Circle)

terra total(shapes : &&Shape, n : int)
  var s = 0.0
  for i = 0, n do s = s + shapes[i]:area() end
  return s
end

terra run()
  var r : Rect
  r:init(); r.id, r.w, r.h = 1, 2, 5
  var c : Circle
  c:init(); c.id, c.r = 2, 2
  var all : (&Shape)[2]
  all[0], all[1] = &r, &c
  var before = total(&all[0], 2)
  all[0]:scale(2)
  all[1]:scale(2) -- Circle inherits Shape's scale: no change
  return before, total(&all[0], 2), r.w
end

local a, b, w = unpack({ run()._0, run()._1, run()._2 })
print(a, b, w)
