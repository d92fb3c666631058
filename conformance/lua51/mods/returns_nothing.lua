print("loading returns_nothing")
