// This file implements vector-specific lowering: broadcasting a scalar
// to every lane. Element-wise arithmetic, comparisons and conversions
// share the scalar code paths (LLVM's instructions accept vectors), and
// vector indexing lives with the other aggregates.
package lower

import (
	"github.com/llir/llvm/ir/constant"
	lltypes "github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"

	"terrac/compiler/types"
)

// createSplat broadcasts the scalar v (already of t's element type) to
// a vector of type t.
func (b *builder) createSplat(v value.Value, t *types.Type) value.Value {
	vt := b.getValueType(t).(*lltypes.VectorType)
	one := b.cur.NewInsertElement(constant.NewUndef(vt), v, constI32(0))
	mask := make([]constant.Constant, vt.Len)
	for i := range mask {
		mask[i] = constI32(0)
	}
	return b.cur.NewShuffleVector(one, constant.NewUndef(vt), constant.NewVector(lltypes.NewVector(vt.Len, lltypes.I32), mask...))
}
