-- A class must define every method of the interfaces it implements.
import "cpp"

interface Stream
  read() : int
  close()
end

class File implements Stream
  fd : int
  read() : int return 0 end
end
