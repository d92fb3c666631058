-- A type error in Terra code embedded by the language is reported at its
-- position in this file.
import "lib.funclang"
func bad(a : int) : int = a + true
print(bad(1))
