struct W { v : int }
W.metamethods.__lshift = terra(a : W, k : int) return W { a.v << k } end
W.metamethods.__xor = terra(a : W, b : W) return W { a.v ^ b.v } end
terra f() return ((W { 1 } << 4) ^ W { 3 }).v end
print(f())
