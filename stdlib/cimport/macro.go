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

// aliasSet is a translation with alias macros for names (see macroAliases).
type aliasSet struct {
	ast   *cc.AST
	names []string
}

// splitCandidates sorts the redefined macros in three: those whose final
// definition expands, through object-like macros only, to numbers,
// operators, keywords and typedefs of basic types, and so can be evaluated
// without the headers (self; defs holds the definitions and typedefs to
// give a translation of the predefined macros and builtins alone); those
// that cannot have an arithmetic value, whatever the declarations (they
// contain an attribute, a storage class or a function call), which are
// dropped; and the others. Most redefined macros in system headers are
// feature flags (`#define _POSIX_C_SOURCE 200809L`) or attributes:
// evaluating them costs a few milliseconds instead of a second
// translation of every header.
func splitCandidates(ast *cc.AST, names []string) (self []string, defs string, other []string) {
	const (
		unseen = iota
		isSelf
		isOther
		isNever
		walking
	)
	state := map[string]int{}
	var b strings.Builder
	var walk func(name string) int
	ident := func(w string) int {
		switch {
		case exprWords[w]:
			return isSelf
		case neverWords[w]:
			return isNever
		case ast.Macros[w] != nil:
			return walk(w)
		}
		for _, n := range ast.Scope.Nodes[w] {
			d, ok := n.(*cc.Declarator)
			if !ok {
				continue
			}
			if t := d.Type(); t != nil {
				if d.IsTypename() && basicSpelling[t.Kind()] != "" {
					if state["typedef "+w] == unseen {
						state["typedef "+w] = isSelf
						fmt.Fprintf(&b, "typedef %s %s;\n", basicSpelling[t.Kind()], w)
					}
					return isSelf
				}
				if !d.IsTypename() && t.Kind() == cc.Function {
					return isNever // a call is no constant
				}
			}
		}
		return isOther
	}
	walk = func(name string) int {
		switch st := state[name]; st {
		case walking:
			return isOther // a cycle would not expand anyway
		case unseen:
		default:
			return st
		}
		state[name] = walking
		m := ast.Macros[name]
		st := isSelf
		if m == nil || m.IsFnLike {
			st = isOther
		} else if m.Position().Filename != srcPredefined {
			for _, t := range m.ReplacementList() {
				if t.Ch == rune(cc.IDENTIFIER) {
					if r := ident(t.SrcStr()); r > st {
						st = r
					}
				}
			}
			if st == isSelf {
				fmt.Fprintf(&b, "#undef %s\n#define %s", name, name)
				for _, t := range m.ReplacementList() {
					b.WriteByte(' ')
					b.Write(t.Src())
				}
				b.WriteByte('\n')
			}
		}
		state[name] = st
		return st
	}
	for _, name := range names {
		switch walk(name) {
		case isSelf:
			self = append(self, name)
		case isOther:
			other = append(other, name)
		}
	}
	return self, b.String(), other
}

// macroBuiltin is the part of cc.Builtin the translation of self-contained
// macros needs: its macros and predefined typedefs, without the hundreds of
// builtin function declarations (a macro calling one is not
// self-contained: it is not a macro, typedef or keyword).
var macroBuiltin = func() string {
	if i := strings.Index(cc.Builtin, "\n__SIZE_TYPE__ __builtin_object_size"); i > 0 {
		return cc.Builtin[:i+1]
	}
	return cc.Builtin
}()

// exprWords are keywords a constant expression may hold (casts, sizeof).
var exprWords = map[string]bool{"char": true, "short": true, "int": true, "long": true, "signed": true, "unsigned": true,
	"float": true, "double": true, "void": true, "_Bool": true, "sizeof": true, "const": true, "__const": true,
	"volatile": true, "__extension__": true, "_Alignof": true, "__alignof__": true}

// neverWords are keywords no arithmetic constant expression holds.
var neverWords = map[string]bool{"__attribute__": true, "__attribute": true, "__restrict": true, "__restrict__": true,
	"restrict": true, "__inline": true, "__inline__": true, "inline": true, "__asm__": true, "__asm": true, "asm": true,
	"static": true, "extern": true, "typedef": true, "register": true, "_Noreturn": true, "__thread": true, "_Thread_local": true}

// basicSpelling spells the basic types a typedef in a macro may denote.
var basicSpelling = map[cc.Kind]string{cc.Bool: "_Bool", cc.Char: "char", cc.SChar: "signed char", cc.UChar: "unsigned char",
	cc.Short: "short", cc.UShort: "unsigned short", cc.Int: "int", cc.UInt: "unsigned", cc.Long: "long", cc.ULong: "unsigned long",
	cc.LongLong: "long long", cc.ULongLong: "unsigned long long", cc.Float: "float", cc.Double: "double"}

// macros fills h.IntMacros and h.FloatMacros from ast.Macros; each alias
// set's alias macros give the values of its names.
func macros(h *Header, ast *cc.AST, aliases []aliasSet) {
	for name, m := range ast.Macros {
		if m.IsFnLike || !exported(m) || len(m.ReplacementList()) == 0 {
			continue
		}
		macro(h, name, m)
		if literalForm(m.ReplacementList()) {
			h.Literal[name] = true
		}
	}
	for _, set := range aliases {
		for i, name := range set.names {
			if m := set.ast.Macros[fmt.Sprintf("%s%d", macroAliasPrefix, i)]; m != nil {
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
