// This file implements the export of object-like macros whose replacement
// list is an arithmetic constant expression, as cc/v4 evaluates them.

package cimport

import (
	"fmt"
	"math/big"
	"sort"
	"strings"

	"modernc.org/cc/v4"
)

// cc/v4's Config.EvalAllMacros evaluates each object-like macro as a C
// expression in file scope (casts, operators, sizeof, other macros and enum
// constants all work), but only macros defined once, or always the same
// way (Macro.IsConst). Headers often #undef and redefine (gcc's limits.h
// does so for INT_MAX), so such macros get a second chance: a second
// translation with an extra source defining `__cimport_macro_N NAME` for
// each of them, evaluated with NAME's final definition.

const macroAliasPrefix = "__cimport_macro_"

// macroCandidates returns, sorted, the macros of ast that cc/v4 did not
// evaluate because they were redefined.
func macroCandidates(ast *cc.AST) []string {
	var r []string
	for name, m := range ast.Macros {
		if m.IsFnLike || m.IsConst || len(m.ReplacementList()) == 0 || !exported(m) {
			continue
		}
		r = append(r, name)
	}
	sort.Strings(r)
	return r
}

// macroAliases is the source defining the aliases for names.
func macroAliases(names []string) string {
	var b strings.Builder
	for i, name := range names {
		fmt.Fprintf(&b, "#define %s%d %s\n", macroAliasPrefix, i, name)
	}
	return b.String()
}

func exported(m *cc.Macro) bool {
	f := m.Position().Filename
	return !internalSources[f] || f == srcPredefined
}

// macros fills h.IntMacros and h.FloatMacros from ast.Macros; aliases, when
// not nil, is the AST of the second translation, whose alias macros give
// the values of names.
func macros(h *Header, ast *cc.AST, aliases *cc.AST, names []string) {
	for name, m := range ast.Macros {
		if m.IsFnLike || !exported(m) || len(m.ReplacementList()) == 0 {
			continue
		}
		macro(h, name, m)
		if literalForm(m.ReplacementList()) {
			h.Literal[name] = true
		}
	}
	if aliases != nil {
		for i, name := range names {
			if m := aliases.Macros[fmt.Sprintf("%s%d", macroAliasPrefix, i)]; m != nil {
				macro(h, name, m)
			}
		}
	}
	for name := range h.Literal {
		_, isInt := h.IntMacros[name]
		if _, isFloat := h.FloatMacros[name]; !isInt && !isFloat {
			delete(h.Literal, name)
		}
	}
}

// literalForm reports whether a replacement list is one numeric literal,
// optionally preceded by a minus sign.
func literalForm(toks []cc.Token) bool {
	if len(toks) == 2 && toks[0].Ch == '-' {
		toks = toks[1:]
	}
	return len(toks) == 1 && toks[0].Ch == rune(cc.PPNUMBER)
}

// macro records the value of m, if it has an arithmetic one, as name.
func macro(h *Header, name string, m *cc.Macro) {
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
