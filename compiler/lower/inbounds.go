// This file implements in-bounds address arithmetic: every address terrac
// computes (a field, an array or vector element, p[i], p + i) stays inside
// the object it starts from, as C requires of the same expressions. Marking
// the GEPs `inbounds`, as clang does, lets LLVM's alias analysis and loop
// optimizations treat them as C's, which is worth up to 25% on array-heavy
// kernels (bench/RESULTS.md).
package lower

import (
	"github.com/llir/llvm/ir"
	lltypes "github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"
)

// gep emits `getelementptr inbounds elem, ptr, idx...` in the current block.
func (b *builder) gep(elem lltypes.Type, ptr value.Value, idx ...value.Value) *ir.InstGetElementPtr {
	g := b.cur.NewGetElementPtr(elem, ptr, idx...)
	g.InBounds = true
	return g
}
