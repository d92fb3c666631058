// This file implements textDocument/completion: fields and methods of
// Terra locals' struct types after "." and ":", and, through the REPL's
// completer, Lua names: globals and top-level locals, the terralib API,
// the functions of includec tables, structs' methods.
package lsp

import (
	"context"
	"encoding/json"
	"io"
	"sort"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/repl"
)

// maxKinds bounds how many candidates get their kind looked up.
const maxKinds = 300

func (s *Server) completion(ctx context.Context, params json.RawMessage) (any, error) {
	var p textDocumentPositionParams
	if err := json.Unmarshal(params, &p); err != nil {
		return nil, &rpcError{codeInvalidParams, err.Error()}
	}
	d := s.document(p.TextDocument.URI)
	snap := s.worker.usable[p.TextDocument.URI]
	if d == nil || snap == nil {
		return completionList{Items: []completionItem{}}, nil
	}
	// The open text may be newer (and not parse) than the checked
	// version: the word comes from the text, the meanings from the check.
	off := offset(d.text, p.Position)
	start := off
	for start > 0 && (isIdentByte(d.text[start-1]) || d.text[start-1] == '.' || d.text[start-1] == ':') {
		start--
	}
	word := d.text[start:off]
	items := terraCompletion(snap, word, off)
	if items == nil && snap.rt != nil {
		items = luaCompletion(snap, word)
	}
	if !strings.ContainsAny(word, ".:") {
		items = append(items, localNames(snap, word, off)...)
	}
	if items == nil {
		items = []completionItem{}
	}
	return completionList{Items: items}, nil
}

// enclosing returns the checked function of the document whose
// definition covers off, else nil.
func enclosing(snap *snapshot, off int) *tree.Function {
	for _, fn := range snap.fns {
		if fn.Def != nil && covers(fn.Def.Pos, snap.doc.path, off) {
			return fn
		}
	}
	return nil
}

// localType finds the type of the Terra local named name: in the
// function around off, else in any function of the document.
func localType(snap *snapshot, name string, off int) *types.Type {
	try := func(fn *tree.Function) *types.Type {
		for sym := range declarations(fn) {
			if sym.Name == name && sym.VarType() != nil {
				return sym.VarType()
			}
		}
		return nil
	}
	if fn := enclosing(snap, off); fn != nil {
		if t := try(fn); t != nil {
			return t
		}
	}
	for _, fn := range snap.fns {
		if fn.Def != nil && fn.Def.Pos.File != nil && fn.Def.Pos.File.Name == snap.doc.path {
			if t := try(fn); t != nil {
				return t
			}
		}
	}
	return nil
}

// terraCompletion completes "x.f", "x.y.f" or "x:m" where x is a Terra
// local of a struct type (or a pointer to one). It returns nil when x is
// not a Terra local.
func terraCompletion(snap *snapshot, word string, off int) []completionItem {
	j := strings.LastIndexAny(word, ".:")
	if j < 0 {
		return nil
	}
	parts := strings.FieldsFunc(word[:j], func(r rune) bool { return r == '.' || r == ':' })
	if len(parts) == 0 {
		return nil
	}
	t := localType(snap, parts[0], off)
	if t == nil {
		return nil
	}
	for _, field := range parts[1:] {
		t = structOf(t)
		if t == nil {
			return nil
		}
		f, ok := t.FieldByName(field)
		if !ok {
			return nil
		}
		t = f.Type
	}
	t = structOf(t)
	if t == nil {
		return []completionItem{}
	}
	prefix := word[j+1:]
	var items []completionItem
	if word[j] == '.' {
		for _, f := range t.Fields() {
			if strings.HasPrefix(f.Name, prefix) {
				items = append(items, completionItem{Label: f.Name, Kind: kindField, Detail: f.Type.String()})
			}
		}
	}
	if snap.rt != nil {
		if m, ok := index(snap.rt, snap.rt.TypeValue(t), "methods").(*lua.LTable); ok {
			m.ForEach(func(k, v lua.LValue) {
				name, ok := k.(lua.LString)
				if !ok || !strings.HasPrefix(string(name), prefix) {
					return
				}
				it := completionItem{Label: string(name), Kind: kindMethod}
				if fn := snap.rt.AsFunction(v); fn != nil && fn.Type != nil {
					it.Detail = fn.Type.String()
				}
				items = append(items, it)
			})
		}
	}
	sort.Slice(items, func(a, b int) bool { return items[a].Label < items[b].Label })
	if items == nil {
		items = []completionItem{}
	}
	return items
}

// structOf is t, or what t points to, when that is a complete struct.
func structOf(t *types.Type) *types.Type {
	if t != nil && t.Kind == types.Pointer {
		t = t.Elem
	}
	if t == nil || t.Kind != types.Struct || !t.IsComplete() {
		return nil
	}
	return t
}

// luaCompletion asks the REPL's completer, then looks up each
// candidate's kind.
func luaCompletion(snap *snapshot, word string) []completionItem {
	rt := snap.rt
	var cands []string
	bounded(rt, func() { cands, _ = repl.NewSession(rt, io.Discard).Complete(word) })
	parent := ""
	if j := strings.LastIndexAny(word, ".:"); j >= 0 {
		parent = word[:j]
	}
	var pv lua.LValue = rt.L.G.Global
	if parent != "" {
		if pv = resolvePath(rt, parent); pv == nil {
			pv = lua.LNil
		}
	}
	items := make([]completionItem, 0, len(cands))
	for i, c := range cands {
		it := completionItem{Label: c}
		if i < maxKinds && pv != lua.LNil {
			v := index(rt, pv, c)
			it.Kind, it.Detail = kindOf(snap, v)
		}
		if it.Kind == 0 && parent == "" && lua.LString(c) != "" && isKeyword(c) {
			it.Kind = kindKeyword
		}
		items = append(items, it)
	}
	return items
}

func kindOf(snap *snapshot, v lua.LValue) (int, string) {
	rt := snap.rt
	if fn := rt.AsFunction(v); fn != nil {
		if fn.Type != nil {
			return kindFunction, fn.Type.String()
		}
		return kindFunction, "terra function"
	}
	if t := rt.AsType(v); t != nil {
		if t.Kind == types.Struct {
			return kindStruct, "struct " + t.String()
		}
		return kindVariable, "type " + t.String()
	}
	switch v.Type() {
	case lua.LTFunction:
		return kindFunction, "Lua function"
	case lua.LTTable:
		return kindModule, "Lua table"
	case lua.LTNil:
		return 0, ""
	}
	return kindVariable, "Lua " + v.Type().String()
}

var keywords = map[string]bool{}

func isKeyword(s string) bool {
	if len(keywords) == 0 {
		for _, k := range strings.Fields("and break do else elseif end false for function goto if in local nil not or repeat return then true until while terra var struct union quote escape emit defer switch case import") {
			keywords[k] = true
		}
	}
	return keywords[s]
}

// localNames completes the Terra locals and parameters of the function
// around off.
func localNames(snap *snapshot, prefix string, off int) []completionItem {
	fn := enclosing(snap, off)
	if fn == nil {
		return nil
	}
	var items []completionItem
	seen := map[string]bool{}
	for sym := range declarations(fn) {
		if strings.HasPrefix(sym.Name, prefix) && !seen[sym.Name] && sym.VarType() != nil {
			seen[sym.Name] = true
			items = append(items, completionItem{Label: sym.Name, Kind: kindVariable, Detail: sym.VarType().String()})
		}
	}
	sort.Slice(items, func(a, b int) bool { return items[a].Label < items[b].Label })
	return items
}
