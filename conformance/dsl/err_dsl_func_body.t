-- A funclang definition without '=' or 'do'; the parser goes on and reports
-- the next error too.
import "lib.funclang"
func f(a : int) : int a + 1
func g(a : int, ) : int = a
