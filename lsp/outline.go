// This file implements the outline of a document from its parse alone
// (no Lua runs): Terra functions, methods and structs with their spans,
// and top-level Lua functions. Document symbols and go to definition of
// structs use it.
package lsp

import (
	"sort"
	"strings"

	"github.com/yuin/gopher-lua/ast"

	"terrac/lang/parse"
	"terrac/lang/source"
	"terrac/lang/tast"
)

// outlineItem is one declaration of a document.
type outlineItem struct {
	name   string // "f", "Point", "Point:norm2", "M.helper"
	kind   int    // symbolFunction, symbolMethod, symbolStruct
	detail string
	span   source.Span // the whole declaration
	sel    source.Span // its name
	fields []outlineItem
}

// parsed is a document's parse: its Lua statements and Terra trees.
type parsed struct {
	file  *source.File
	stmts []ast.Stmt
	reg   *tast.Registry
	err   error
}

func parseText(path, text string) *parsed {
	p := &parsed{file: source.NewFile(path, []byte(text)), reg: tast.NewRegistry()}
	p.stmts, p.err = parse.File(p.file, p.reg)
	return p
}

// endsWithReturn reports whether the chunk's last statement is a return,
// after which no statement may be appended.
func (p *parsed) endsWithReturn() bool {
	if len(p.stmts) == 0 {
		return false
	}
	_, ok := p.stmts[len(p.stmts)-1].(*ast.ReturnStmt)
	return ok
}

// nameSpan finds name in the declaration's text (after its keyword), so
// that the selection range covers the name only.
func nameSpan(f *source.File, start, end source.Pos, name string) source.Span {
	if start < 0 || int(end) > len(f.Content) || end < start {
		return source.At(f, start)
	}
	text := string(f.Content[start:end])
	for i := 0; name != ""; {
		j := strings.Index(text[i:], name)
		if j < 0 {
			break
		}
		a, b := i+j, i+j+len(name)
		if (a == 0 || !isIdentByte(text[a-1])) && (b == len(text) || !isIdentByte(text[b])) {
			return source.Span{File: f, Start: start + source.Pos(a), End: start + source.Pos(b)}
		}
		i = b
	}
	return source.At(f, start)
}

// outline lists the declarations of the document in source order.
func (p *parsed) outline() []outlineItem {
	var items []outlineItem
	for id := 1; id <= p.reg.Len(); id++ {
		t := p.reg.Get(id)
		if t == nil || t.File != p.file {
			continue
		}
		g, ok := t.Root.(*tast.Group)
		if !ok {
			continue
		}
		for _, d := range g.Items {
			switch d := d.(type) {
			case *tast.Func:
				items = append(items, p.funcItem(d))
			case *tast.Struct:
				items = append(items, p.structItem(d))
			}
		}
	}
	for _, st := range p.stmts {
		items = append(items, p.luaFunctions(st)...)
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].span.Start < items[j].span.Start })
	return items
}

func (p *parsed) funcItem(d *tast.Func) outlineItem {
	name := strings.Join(d.Name, ".")
	kind := symbolFunction
	last := ""
	if len(d.Name) > 0 {
		last = d.Name[len(d.Name)-1]
	}
	if d.Method || len(d.Name) == 3 && d.Name[1] == "methods" {
		kind = symbolMethod
		name = d.Name[0] + ":" + last
	}
	sp := source.Span{File: p.file, Start: d.Start, End: d.End}
	return outlineItem{name: name, kind: kind, detail: "terra", span: sp, sel: nameSpan(p.file, d.Start, d.End, last)}
}

func (p *parsed) structItem(d *tast.Struct) outlineItem {
	name := strings.Join(d.Name, ".")
	last := ""
	if len(d.Name) > 0 {
		last = d.Name[len(d.Name)-1]
	}
	sp := source.Span{File: p.file, Start: d.Start, End: d.End}
	it := outlineItem{name: name, kind: symbolStruct, detail: "struct", span: sp, sel: nameSpan(p.file, d.Start, d.End, last)}
	var walk func(es []tast.Entry)
	walk = func(es []tast.Entry) {
		for _, e := range es {
			switch e := e.(type) {
			case *tast.Field:
				if e.Name != "" {
					fs := source.Span{File: p.file, Start: e.Start, End: e.End}
					it.fields = append(it.fields, outlineItem{name: e.Name, kind: symbolField, span: fs,
						sel: nameSpan(p.file, e.Start, e.End, e.Name)})
				}
			case *tast.Union:
				walk(e.Entries)
			}
		}
	}
	walk(d.Entries)
	return it
}

// luaFunctions lists the Lua functions a top-level statement defines.
func (p *parsed) luaFunctions(st ast.Stmt) []outlineItem {
	lineSpan := func(first, last int) source.Span {
		start := p.file.LineStart(first)
		end := p.file.LineStart(last + 1)
		if end == source.NoPos {
			end = source.Pos(len(p.file.Content))
		}
		return source.Span{File: p.file, Start: start, End: end}
	}
	item := func(name string, fn *ast.FunctionExpr, st ast.Stmt) outlineItem {
		sp := lineSpan(st.Line(), max(st.LastLine(), fn.LastLine()))
		last := name[strings.LastIndexAny(name, ".:")+1:]
		return outlineItem{name: name, kind: symbolFunction, detail: "Lua function", span: sp,
			sel: nameSpan(p.file, sp.Start, sp.End, last)}
	}
	switch st := st.(type) {
	case *ast.FuncDefStmt:
		name := exprName(st.Name.Func)
		if st.Name.Receiver != nil {
			name = exprName(st.Name.Receiver) + ":" + st.Name.Method
		}
		if name != "" && st.Line() > 0 {
			return []outlineItem{item(name, st.Func, st)}
		}
	case *ast.LocalAssignStmt:
		if len(st.Names) == 1 && len(st.Exprs) == 1 && st.Line() > 0 {
			if fn, ok := st.Exprs[0].(*ast.FunctionExpr); ok {
				return []outlineItem{item(st.Names[0], fn, st)}
			}
		}
	case *ast.AssignStmt:
		if len(st.Lhs) == 1 && len(st.Rhs) == 1 && st.Line() > 0 {
			if fn, ok := st.Rhs[0].(*ast.FunctionExpr); ok {
				if name := exprName(st.Lhs[0]); name != "" {
					return []outlineItem{item(name, fn, st)}
				}
			}
		}
	}
	return nil
}

// exprName renders a name path (a, a.b) or returns "".
func exprName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.IdentExpr:
		return e.Value
	case *ast.AttrGetExpr:
		if k, ok := e.Key.(*ast.StringExpr); ok {
			if o := exprName(e.Object); o != "" {
				return o + "." + k.Value
			}
		}
	}
	return ""
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// topLocals lists the names of the chunk's top-level locals (the last
// declaration of each name wins at the end of the chunk).
func (p *parsed) topLocals() []string {
	seen := map[string]bool{}
	var out []string
	for _, st := range p.stmts {
		if la, ok := st.(*ast.LocalAssignStmt); ok {
			for _, n := range la.Names {
				if !seen[n] && n != "" && isIdentByte(n[0]) && !strings.ContainsAny(n, "$") {
					seen[n] = true
					out = append(out, n)
				}
			}
		}
	}
	return out
}
