// This file implements the size limit on types held by value, so that
// an array like int[2^40][2^40] is an error instead of a size that
// silently wraps around (LLVM counts sizes in bits in 64 bits).
package types

import "fmt"

// MaxSize is the largest size in bytes of a type held by value.
const MaxSize = 1<<61 - 1

// ArrayTooLarge reports whether elem[n] exceeds MaxSize; elem must be
// complete.
func ArrayTooLarge(elem *Type, n int64) bool {
	s := elem.Size()
	return n < 0 || (s > 0 && n > MaxSize/s)
}

// sizeError is the error for an array or vector t (elem complete)
// whose size exceeds MaxSize, nil otherwise.
func (t *Type) sizeError() error {
	if ArrayTooLarge(t.Elem, int64(t.N)) {
		return fmt.Errorf("array type %s is too large: its size exceeds %d bytes", t, int64(MaxSize))
	}
	return nil
}
