terra foo()
  defer 3
end
foo()
