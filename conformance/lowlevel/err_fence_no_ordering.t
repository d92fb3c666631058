terra h() terralib.fence({}) end
h()
