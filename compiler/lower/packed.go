// This file implements the bookkeeping for members of packed structs:
// their addresses may be misaligned, so loads and stores through them
// say align 1 instead of LLVM's default (the type's ABI alignment),
// which the optimizer would otherwise trust.
package lower

import "github.com/llir/llvm/ir/value"

// markUnaligned records that addr may be misaligned: it points into a
// packed struct (directly or through nested members and array elements).
func (b *builder) markUnaligned(addr value.Value) {
	if b.unaligned == nil {
		b.unaligned = map[value.Value]bool{}
	}
	b.unaligned[addr] = true
}
