terra foo()
  ::a::
  ::a::
end
foo()
