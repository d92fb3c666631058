// This file implements the check that an LLVM intrinsic's immediate
// parameters (LLVM's immarg attribute, e.g. llvm.ctlz's is_zero_undef
// flag) get constant arguments, so that a variable there is the
// program's located error instead of a module LLVM rejects.
package terralib

import (
	"fmt"
	"strings"
	"sync"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/lower"
	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
	"terrac/runtime/jit"
)

// immArgsCache memoizes intrinsicImmArgs per name and type: the
// function form of terralib.intrinsic asks at every call.
var immArgsCache sync.Map

// intrinsicImmArgs reports which parameters of intrinsic name with
// function type t need constant arguments; nil when none or unknown.
func intrinsicImmArgs(name string, t *types.Type) []bool {
	if !strings.HasPrefix(name, "llvm.") || len(t.Params) == 0 {
		return nil
	}
	key := name + "\x00" + t.String()
	if v, ok := immArgsCache.Load(key); ok {
		return v.([]bool)
	}
	imm := immArgs(name, t)
	immArgsCache.Store(key, imm)
	return imm
}

func immArgs(name string, t *types.Type) []bool {
	text, err := lower.IntrinsicProbe(name, t)
	if err != nil {
		return nil
	}
	imm, err := jit.ImmArgs(text, name, len(t.Params))
	if err != nil {
		return nil
	}
	for _, b := range imm {
		if b {
			return imm
		}
	}
	return nil
}

// immArgError is a non-constant argument where an intrinsic needs an
// immediate, reported at the argument.
type immArgError struct {
	at  source.Span
	msg string
}

func (e *immArgError) Error() string { return e.msg }

func (e *immArgError) Diagnostic(source.Span) *source.Diagnostic {
	return &source.Diagnostic{Span: e.at, Msg: e.msg}
}

// checkImmArgs returns an error for the first argument in args that
// must be an immediate (imm) but is not a literal constant.
func checkImmArgs(name string, imm []bool, args []tree.Expr) error {
	for i, a := range args {
		if i >= len(imm) || !imm[i] {
			continue
		}
		if v, ok := exprValue(a); ok {
			switch v.(type) {
			case lua.LNumber, lua.LBool:
				continue
			}
		}
		return &immArgError{at: a.Span(), msg: fmt.Sprintf("argument %d of intrinsic %s must be a constant", i+1, name)}
	}
	return nil
}
