struct V { x : double; y : double }
terra V:len2() : double return self.x * self.x + self.y * self.y end
terra unused(v : &V) : double return v:len2() end
print("lua stage ran")
