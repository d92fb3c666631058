terra foo()
  goto nowhere
end
foo()
