terra f() var x : int = 0; var y : double = 0
  terralib.attrstore(&x, 42, {align = 4})
  terralib.attrstore(&y, 1.5, {isvolatile = true})
  return terralib.attrload(&x, {align = 1}) + terralib.attrload(&y, {isvolatile = true}) end
print(f())
