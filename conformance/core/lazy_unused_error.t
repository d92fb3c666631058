-- terrac checks types lazily: a broken function that is never used is no error.
terra broken() : int return true end
print("still running")
