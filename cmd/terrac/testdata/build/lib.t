-- A shared library: its exports are the table the chunk returns.
struct Vec { x : double; y : double }
struct Shape { n : int; pts : Vec[3]; name : rawstring }

terra dot(a : Vec, b : Vec) : double
  return a.x * b.x + a.y * b.y
end

terra scale(v : &Vec, k : double)
  v.x = v.x * k
  v.y = v.y * k
end

terra centroid(s : &Shape) : Vec
  var c = Vec { 0, 0 }
  for i = 0, s.n do
    c.x = c.x + s.pts[i].x
    c.y = c.y + s.pts[i].y
  end
  return Vec { c.x / s.n, c.y / s.n }
end

terra namelen(s : &Shape) : int
  var n = 0
  while s.name[n] ~= 0 do n = n + 1 end
  return n
end

return { vec_dot = dot, vec_scale = scale, shape_centroid = centroid, shape_namelen = namelen }
