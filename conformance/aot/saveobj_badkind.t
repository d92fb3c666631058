terra f() : int return 1 end
terralib.saveobj(nil, "zip", {f = f})
