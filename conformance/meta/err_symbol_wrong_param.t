local l = label("l")
terra f([l]) return 1 end
