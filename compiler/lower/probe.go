// This file implements the probe module that lets LLVM check the
// signature a program gives an intrinsic.
package lower

import (
	lltypes "github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"

	"terrac/compiler/types"
)

// IntrinsicProbe returns IR text that declares the external function
// name with fnType, as a call from Terra code would, and calls it once
// with zero arguments (immediate
// operands must be constants): LLVM's verifier checks an intrinsic's
// signature only at its calls.
func IntrinsicProbe(name string, fnType *types.Type) (text string, err error) {
	defer catch(&err)
	m := NewModule("intrinsic")
	callee := m.declareLLVMIntrinsic(name, fnType)
	if callee == nil {
		callee = m.declare(name, fnType)
	}
	probe := m.mod.NewFunc("terrac.probe", lltypes.Void)
	blk := probe.NewBlock("")
	var args []value.Value
	for _, p := range callee.Params {
		args = append(args, zeroValue(p.Typ))
	}
	blk.NewCall(callee, args...)
	blk.NewRet(nil)
	return m.String(), nil
}
