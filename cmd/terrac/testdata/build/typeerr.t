terra main() : int
  return undefined_name
end
