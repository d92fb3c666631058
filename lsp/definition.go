// This file implements textDocument/definition: Terra functions,
// methods, locals and struct fields through the checked trees, and Lua
// names (Terra functions, structs, Lua functions, symbols) through the
// checked state, in the document or in the files it requires.
package lsp

import (
	"context"
	"encoding/json"
	"os"
	"regexp"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
)

func (s *Server) definition(ctx context.Context, params json.RawMessage) (any, error) {
	var p textDocumentPositionParams
	if err := json.Unmarshal(params, &p); err != nil {
		return nil, &rpcError{codeInvalidParams, err.Error()}
	}
	snap := s.worker.snaps[p.TextDocument.URI]
	if snap == nil {
		return nil, nil
	}
	off := offset(snap.doc.text, p.Position)
	if sp, ok := terraDefinition(snap, off); ok {
		return spanLocation(snap, sp), nil
	}
	if sp, ok := luaDefinition(snap, off); ok {
		return spanLocation(snap, sp), nil
	}
	return nil, nil
}

// spanLocation converts a span into a location; spans in the document
// use its open text.
func spanLocation(snap *snapshot, sp source.Span) location {
	if sp.File.Name == snap.doc.path {
		return location{URI: snap.doc.uri, Range: lspRange{Start: positionOf(snap.doc.text, int(sp.Start)),
			End: positionOf(snap.doc.text, int(sp.End))}}
	}
	return location{URI: pathToURI(sp.File.Name), Range: spanRange(sp)}
}

// onDisk reports whether a span is in a file that exists (not an
// embedded library), so an editor can open it.
func onDisk(sp source.Span) bool {
	if sp.File == nil {
		return false
	}
	_, err := os.Stat(sp.File.Name)
	return err == nil
}

// functionName is where fn's name is in its definition.
func functionName(fn *tree.Function) (source.Span, bool) {
	if fn == nil || fn.Def == nil || fn.Def.Pos.File == nil {
		return source.Span{}, false
	}
	sp := nameSpan(fn.Def.Pos.File, fn.Def.Pos.Start, fn.Def.Pos.End, fn.Name)
	return sp, onDisk(sp)
}

func terraDefinition(snap *snapshot, off int) (source.Span, bool) {
	path := snap.doc.path
	n, fn := nodeAt(snap.fns, path, off)
	switch e := n.(type) {
	case *tree.Var:
		if e.Sym.Escaped {
			break // made with symbol() in Lua: the Lua name under the cursor says where
		}
		if sp, ok := declarations(fn)[e.Sym]; ok && sp.End > sp.Start {
			return sp, true
		}
	case *tree.FuncRef:
		return functionName(e.Fn)
	case *tree.Select:
		if e.X != nil {
			return fieldDefinition(snap, tree.TypeOf(e.X), e.Name)
		}
	}
	// A function's own name in its header.
	for _, fn := range snap.fns {
		if fn.Def == nil || !covers(fn.Def.Pos, path, off) {
			continue
		}
		if sp, ok := functionName(fn); ok && covers(sp, path, off) {
			return sp, true
		}
	}
	return source.Span{}, false
}

// files lists the files the checked program's Terra functions come
// from, the document first.
func (snap *snapshot) files() []string {
	out := []string{snap.doc.path}
	seen := map[string]bool{snap.doc.path: true}
	for _, fn := range snap.fns {
		if fn.Def != nil && fn.Def.Pos.File != nil && !seen[fn.Def.Pos.File.Name] {
			seen[fn.Def.Pos.File.Name] = true
			out = append(out, fn.Def.Pos.File.Name)
		}
	}
	return out
}

// outlineOf parses a file of the program (the document's open text, or
// the file on disk).
func (snap *snapshot) outlineOf(path string) []outlineItem {
	if path == snap.doc.path {
		return parseText(path, snap.doc.text).outline()
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	return parseText(path, string(b)).outline()
}

// structDefinition finds the declaration of the struct t in the
// program's files (by the last part of its name).
func structDefinition(snap *snapshot, t *types.Type) (outlineItem, bool) {
	for t != nil && t.Kind == types.Pointer {
		t = t.Elem
	}
	if t == nil || t.Kind != types.Struct {
		return outlineItem{}, false
	}
	name := t.String()
	name = name[strings.LastIndexAny(name, ".:")+1:]
	for _, f := range snap.files() {
		for _, it := range snap.outlineOf(f) {
			if it.kind == symbolStruct && (it.name == name || strings.HasSuffix(it.name, "."+name)) {
				return it, true
			}
		}
	}
	return outlineItem{}, false
}

func fieldDefinition(snap *snapshot, t *types.Type, field string) (source.Span, bool) {
	it, ok := structDefinition(snap, t)
	if !ok {
		return source.Span{}, false
	}
	for _, f := range it.fields {
		if f.name == field {
			return f.sel, true
		}
	}
	return it.sel, true
}

// luaDefinition resolves the name path under the cursor in the checked
// state.
func luaDefinition(snap *snapshot, off int) (source.Span, bool) {
	text := snap.doc.text
	path, _, end := pathAt(text, off)
	if path == "" {
		return source.Span{}, false
	}
	if snap.rt != nil {
		if v := resolvePath(snap.rt, path); v != nil {
			if fn := snap.rt.AsFunction(v); fn != nil {
				return functionName(fn)
			}
			if t := snap.rt.AsType(v); t != nil {
				if it, ok := structDefinition(snap, t); ok {
					return it.sel, true
				}
			}
			if lf, ok := v.(*lua.LFunction); ok && lf.Proto != nil && !strings.Contains(path, ".") && !strings.Contains(path, ":") {
				// A plain name: its local declaration below, if any, is nearer.
				if sp, ok := localDeclaration(snap, path, end); ok {
					return sp, true
				}
			}
			if lf, ok := v.(*lua.LFunction); ok && lf.Proto != nil {
				if sp, ok := lineOf(snap, lf.Proto.SourceName, lf.Proto.LineDefined, path); ok {
					return sp, true
				}
			}
		}
	}
	if !strings.ContainsAny(path, ".:") {
		return localDeclaration(snap, path, end)
	}
	return source.Span{}, false
}

// lineOf is the span of name (its last part) on a line of a file.
func lineOf(snap *snapshot, file string, line int, name string) (source.Span, bool) {
	var f *source.File
	if file == snap.doc.path {
		f = source.NewFile(file, []byte(snap.doc.text))
	} else if b, err := os.ReadFile(file); err == nil {
		f = source.NewFile(file, b)
	} else {
		return source.Span{}, false
	}
	start := f.LineStart(line)
	if start == source.NoPos {
		return source.Span{}, false
	}
	end := start + source.Pos(len(f.LineText(line)))
	return nameSpan(f, start, end, name[strings.LastIndexAny(name, ".:")+1:]), true
}

// localDeclaration finds the nearest `local … name` (or `local function
// name`, or a for loop's name) before off in the document: Lua locals, such as
// the ones holding symbols made with symbol(), are gone from the state.
func localDeclaration(snap *snapshot, name string, off int) (source.Span, bool) {
	text := snap.doc.text
	re := regexp.MustCompile(`\b(?:local\s+(?:function\s+)?|for\s+)((?:[A-Za-z_]\w*\s*,\s*)*)` + regexp.QuoteMeta(name) + `\b`)
	best := -1
	for _, m := range re.FindAllStringSubmatchIndex(text[:min(off, len(text))], -1) {
		best = m[1] - len(name)
	}
	if best < 0 {
		return source.Span{}, false
	}
	f := source.NewFile(snap.doc.path, []byte(text))
	return source.Span{File: f, Start: source.Pos(best), End: source.Pos(best + len(name))}, true
}
