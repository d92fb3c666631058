local x = global()
