-- break outside of any loop.
terra f() : int
  break
  return 0
end
f:compile()
