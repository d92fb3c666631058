// This file implements the export of object-like macros whose replacement
// list is an arithmetic constant expression, as cc/v4 evaluates them.

package cimport

import (
	"math/big"

	"modernc.org/cc/v4"
)

// macros fills h.IntMacros and h.FloatMacros from ast.Macros, which
// cc/v4 evaluated (Config.EvalAllMacros) as C expressions in file scope:
// casts, operators, references to other macros and enum constants work;
// anything that is not an arithmetic constant has no value and is skipped.
func macros(h *Header, ast *cc.AST) {
	for name, m := range ast.Macros {
		if m.IsFnLike || internalSources[m.Position().Filename] && m.Position().Filename != srcPredefined {
			continue
		}
		if len(m.ReplacementList()) == 0 {
			continue
		}
		safely(h, name, func() {
			t := m.Type()
			if t == nil || !cc.IsRealType(t) {
				return
			}
			switch v := m.Value().(type) {
			case cc.Int64Value:
				if cc.IsIntegerType(t) {
					h.IntMacros[name] = IntConst{Value: int64(v), Unsigned: !cc.IsSignedInteger(t), Size: t.Size()}
				}
			case cc.UInt64Value:
				if cc.IsIntegerType(t) {
					h.IntMacros[name] = IntConst{Value: int64(v), Unsigned: !cc.IsSignedInteger(t), Size: t.Size()}
				}
			case cc.Float64Value:
				h.FloatMacros[name] = float64(v)
			case *cc.LongDoubleValue:
				f, _ := (*big.Float)(v).Float64()
				h.FloatMacros[name] = f
			}
		})
	}
}
