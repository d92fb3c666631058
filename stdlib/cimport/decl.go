// This file implements the walk over the file scope that fills a Header
// with functions, variables, typedefs, tags and enumeration constants.

package cimport

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"modernc.org/cc/v4"
)

// internalSources are the sources Import adds around the user's code;
// their declarations are not part of the Header.
var internalSources = map[string]bool{srcBuiltin: true, srcPrelude: true, srcPredefined: true, srcCommandLine: true, srcMacros: true}

const (
	srcPredefined  = "<predefined>"
	srcPrelude     = "<cimport>"
	srcBuiltin     = "<builtin>"
	srcCommandLine = "<command-line>"
	srcMacros      = "<cimport-macros>"
)

// declare fills h from the file scope of ast. Functions defined in
// files under sysDirs are not listed in h.Inline: system headers are
// written for one compiler (gcc's intrinsics headers call gcc builtins)
// and their static helpers are not exported, as in Terra.
func declare(h *Header, c *converter, ast *cc.AST, sysDirs []string) {
	names := make([]string, 0, len(ast.Scope.Nodes))
	for name := range ast.Scope.Nodes {
		names = append(names, name)
	}
	sort.Strings(names)
	type def struct {
		name string
		seq  int
	}
	var defs []def
	for _, name := range names {
		for _, n := range ast.Scope.Nodes[name] {
			if internalSources[n.Position().Filename] {
				continue
			}
			safely(h, name, func() {
				switch x := n.(type) {
				case *cc.Declarator:
					if declarator(h, c, name, x) && !isSystem(n.Position().Filename, sysDirs) {
						tok := x.NameTok()
						defs = append(defs, def{name, tok.Seq()})
					}
				case *cc.Enumerator:
					h.Enums[name] = enumValue(x)
				case *cc.StructOrUnionSpecifier:
					h.Tags[name] = c.typ(x.Type())
				case *cc.EnumSpecifier:
					h.Tags[name] = c.typ(x.Type())
				}
			})
		}
	}
	sort.Slice(defs, func(i, j int) bool { return defs[i].seq < defs[j].seq })
	for _, d := range defs {
		h.Inline = append(h.Inline, d.name)
	}
	// Typedefs last: an anonymous record takes the first typedef name given
	// to it, in source order.
	nameAnonymous(h, ast)
	for name, t := range h.Typedefs {
		if strings.HasPrefix(name, floatNamePrefix) {
			delete(h.Typedefs, name)
			h.Typedefs["_Float"+strings.TrimPrefix(name, floatNamePrefix)] = t
		}
	}
}

// declarator records one file-scope declarator and reports whether it is a
// function definition.
func declarator(h *Header, c *converter, name string, d *cc.Declarator) (isDef bool) {
	t := d.Type()
	if t == nil || t.Kind() == cc.InvalidKind {
		h.Skipped[name] = fmt.Sprintf("%v: type not understood", d.Position())
		return false
	}
	switch {
	case d.IsTypename():
		h.Typedefs[name] = c.typ(t)
	case t.Kind() == cc.Function:
		ft := c.typ(t)
		if d.IsStatic() && !ft.Static {
			cp := *ft
			cp.Static = true
			ft = &cp
		}
		if old := h.Funcs[name]; old == nil || d.IsFuncDef() || !old.NoProto {
			h.Funcs[name] = ft
		}
		if ft.Kind != Func {
			delete(h.Funcs, name)
			h.Skipped[name] = fmt.Sprintf("%v: function type not understood", d.Position())
		}
		return d.IsFuncDef()
	case d.IsStatic():
		// Internal linkage: no symbol to link against (Terra skips these).
	default:
		vt := c.typ(t)
		if vt.Kind == Unsupported {
			h.Skipped[name] = fmt.Sprintf("%v: type not understood: %s", d.Position(), vt.Name)
			return false
		}
		h.Vars[name] = vt
		if (!d.IsExtern() || d.HasInitializer()) && !slices.Contains(h.DefinedVars, name) {
			h.DefinedVars = append(h.DefinedVars, name)
		}
	}
	return false
}

// nameAnonymous gives anonymous structs, unions and enums the first
// typedef name that denotes them.
func nameAnonymous(h *Header, ast *cc.AST) {
	type td struct {
		name string
		seq  int
	}
	var tds []td
	for name, t := range h.Typedefs {
		if (t.Kind == Struct || t.Kind == Union || t.Kind == Enum) && t.Name == "" {
			for _, n := range ast.Scope.Nodes[name] {
				if d, ok := n.(*cc.Declarator); ok && d.IsTypename() {
					tok := d.NameTok()
					tds = append(tds, td{name, tok.Seq()})
					break
				}
			}
		}
	}
	sort.Slice(tds, func(i, j int) bool { return tds[i].seq < tds[j].seq })
	for _, x := range tds {
		if t := h.Typedefs[x.name]; t.Name == "" {
			t.Name = x.name
			t.Tagless = true
		}
	}
}

// safely runs f, turning a panic inside cc/v4 or the converter into a
// skipped declaration instead of a failed import.
func safely(h *Header, name string, f func()) {
	defer func() {
		if e := recover(); e != nil {
			h.Skipped[name] = fmt.Sprintf("internal error: %v", e)
		}
	}()
	f()
}

// intValue returns the bits of an integer cc.Value.
func intValue(v cc.Value) int64 {
	switch x := v.(type) {
	case cc.Int64Value:
		return int64(x)
	case cc.UInt64Value:
		return int64(x)
	}
	return 0
}
