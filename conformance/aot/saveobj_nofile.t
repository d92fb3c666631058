terra f() : int return 1 end
terralib.saveobj("out.weird", {f = f})
