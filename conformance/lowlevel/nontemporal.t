terra f(p : &double, n : int) for i = 0, n do terralib.attrstore(&p[i], i * 0.5, {nontemporal = true}) end
  var s = 0.0; for i = 0, n do s = s + terralib.attrload(&p[i], {nontemporal = true}) end; return s end
terra go() var buf : double[8]; return f(&buf[0], 8) end
print(go())
