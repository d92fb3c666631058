// This file implements finding things in checked Terra trees: the
// innermost node at a position, and where each local was declared.
package lsp

import (
	"reflect"

	"terrac/compiler/tree"
	"terrac/lang/source"
)

var (
	nodeType   = reflect.TypeOf((*tree.Node)(nil)).Elem()
	symbolType = reflect.TypeOf((*tree.Symbol)(nil))
)

// walk calls visit on n and every node below it, parents first. It
// follows the fields of tree nodes by reflection (there are many node
// types); it does not follow pointers that are not nodes (functions,
// symbols, types), so it stays inside one function body.
func walk(n tree.Node, visit func(tree.Node)) {
	seen := map[uintptr]bool{}
	var val func(v reflect.Value)
	val = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Interface:
			if !v.IsNil() {
				val(v.Elem())
			}
		case reflect.Pointer:
			if v.IsNil() || !v.Type().Implements(nodeType) {
				return
			}
			if seen[v.Pointer()] {
				return
			}
			seen[v.Pointer()] = true
			visit(v.Interface().(tree.Node))
			val(v.Elem())
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				val(v.Index(i))
			}
		case reflect.Struct:
			if v.Type().PkgPath() != nodeType.PkgPath() {
				return // source.Span and the like
			}
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					val(v.Field(i))
				}
			}
		}
	}
	val(reflect.ValueOf(n))
}

// inFile reports whether sp is in the file named path and covers off.
func covers(sp source.Span, path string, off int) bool {
	return sp.File != nil && sp.File.Name == path && int(sp.Start) <= off && off <= int(sp.End) && sp.End > sp.Start
}

// nodeAt returns the innermost node of the checked functions' bodies
// that covers off in the file named path, and its function. Among nodes
// with the same span the deepest wins (an implicit cast's operand).
func nodeAt(fns []*tree.Function, path string, off int) (best tree.Node, bestFn *tree.Function) {
	width := -1
	for _, fn := range fns {
		if fn.Def == nil || fn.Def.Body == nil || fn.Def.Pos.File == nil || fn.Def.Pos.File.Name != path {
			continue
		}
		if !covers(fn.Def.Pos, path, off) {
			continue
		}
		walk(fn.Def.Body, func(n tree.Node) {
			sp := n.Span()
			if !covers(sp, path, off) {
				return
			}
			if w := int(sp.End - sp.Start); width < 0 || w <= width {
				best, bestFn, width = n, fn, w
			}
		})
	}
	return best, bestFn
}

// declarations maps each local of fn (parameters, vars, loop variables)
// to the span of its name where it is declared.
func declarations(fn *tree.Function) map[*tree.Symbol]source.Span {
	out := map[*tree.Symbol]source.Span{}
	if fn.Def == nil {
		return out
	}
	f := fn.Def.Pos.File
	// Parameters: their names in the header, in order.
	from := fn.Def.Pos.Start
	for _, p := range fn.Def.Params {
		if f == nil || p.Name == "" || p.Name == "self" {
			continue
		}
		sp := nameSpan(f, from, fn.Def.Pos.End, p.Name)
		out[p] = sp
		from = sp.End
	}
	if fn.Def.Body == nil {
		return out
	}
	walk(fn.Def.Body, func(n tree.Node) {
		if _, ok := n.(tree.Stmt); !ok {
			return
		}
		v := reflect.ValueOf(n).Elem()
		sp := n.Span()
		for i := 0; i < v.NumField(); i++ {
			fv := v.Field(i)
			switch {
			case fv.Type() == symbolType && !fv.IsNil():
				s := fv.Interface().(*tree.Symbol)
				if _, ok := out[s]; !ok && sp.File != nil {
					out[s] = nameSpan(sp.File, sp.Start, sp.End, s.Name)
				}
			case fv.Kind() == reflect.Slice && fv.Type().Elem() == symbolType:
				for j := 0; j < fv.Len(); j++ {
					s := fv.Index(j).Interface().(*tree.Symbol)
					if _, ok := out[s]; !ok && sp.File != nil && s != nil {
						out[s] = nameSpan(sp.File, sp.Start, sp.End, s.Name)
					}
				}
			}
		}
	})
	return out
}
