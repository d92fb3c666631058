-- Calling code that uses a function declared but never defined.
terra g :: {} -> {}
terra f() g() end
print("before")
f()
