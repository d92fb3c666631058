// This file implements tab completion: keywords and globals, fields of
// tables, struct types' methods, struct cdata's fields and methods.
package repl

import (
	"sort"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/types"
	"terrac/lang/scan"
	"terrac/runtime/cdata"
)

type completer struct{ s *Session }

func isWordByte(c byte) bool {
	return c == '_' || c == '.' || c == ':' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// Do implements readline.AutoCompleter: it returns the possible
// continuations of the name path before the cursor.
func (c completer) Do(line []rune, pos int) ([][]rune, int) {
	head := string(line[:pos])
	i := len(head)
	for i > 0 && isWordByte(head[i-1]) {
		i--
	}
	cands, prefix := c.s.Complete(head[i:])
	out := make([][]rune, len(cands))
	for k, cand := range cands {
		out[k] = []rune(cand[len(prefix):])
	}
	return out, len([]rune(prefix))
}

// Complete returns the names that can follow word (a name path such as
// "terralib.ty" or "v:le") and the part of word they complete.
func (s *Session) Complete(word string) (cands []string, prefix string) {
	j := strings.LastIndexAny(word, ".:")
	var names []string
	if j < 0 {
		prefix = word
		names = s.members(s.rt.L.G.Global, false)
		for t := scan.Token(0); t < 255; t++ {
			if t.IsKeyword() {
				names = append(names, t.String())
			}
		}
	} else {
		prefix = word[j+1:]
		v := s.resolve(word[:j])
		if v == lua.LNil {
			return nil, prefix
		}
		names = s.members(v, word[j] == ':')
	}
	seen := map[string]bool{}
	for _, n := range names {
		if strings.HasPrefix(n, prefix) && !seen[n] && isIdent(n) {
			seen[n] = true
			cands = append(cands, n)
		}
	}
	sort.Strings(cands)
	return cands, prefix
}

func isIdent(s string) bool {
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isWordByte(s[i]) || s[i] == '.' || s[i] == ':' {
			return false
		}
	}
	return true
}

// resolve evaluates a name path (a.b:c is read as a.b.c) from the globals.
func (s *Session) resolve(path string) lua.LValue {
	var v lua.LValue = s.rt.L.G.Global
	for _, name := range strings.FieldsFunc(path, func(r rune) bool { return r == '.' || r == ':' }) {
		if !isIdent(name) {
			return lua.LNil
		}
		v = s.index(v, lua.LString(name))
		if v == lua.LNil {
			return lua.LNil
		}
	}
	return v
}

// members lists the names v.NAME (or v:NAME when method) can take.
func (s *Session) members(v lua.LValue, method bool) []string {
	var names []string
	addKeys := func(t *lua.LTable) {
		t.ForEach(func(k, val lua.LValue) {
			if ks, ok := k.(lua.LString); ok {
				if !method || val.Type() == lua.LTFunction || s.rt.AsFunction(val) != nil {
					names = append(names, string(ks))
				}
			}
		})
	}
	if t := s.rt.AsType(v); t != nil {
		if t.Kind == types.Struct {
			if m, ok := s.index(v, lua.LString("methods")).(*lua.LTable); ok {
				addKeys(m)
			}
			names = append(names, "methods", "metamethods", "entries")
		}
		return append(names, "name")
	}
	if cv, ok := cdata.Is(v); ok {
		t := cv.T
		if t.Kind == types.Pointer && t.Elem != nil {
			t = t.Elem
		}
		if t.Kind == types.Struct {
			if !method && t.Complete() == nil {
				for _, f := range t.Fields() {
					names = append(names, f.Name)
				}
			}
			if m, ok := s.index(s.rt.TypeValue(t), lua.LString("methods")).(*lua.LTable); ok {
				addKeys(m)
			}
		}
		return names
	}
	if t, ok := v.(*lua.LTable); ok {
		addKeys(t)
	}
	// Objects whose metatable's __index is a table (strings' methods,
	// classes written in Lua, Terra functions' methods).
	if mt, ok := s.rt.L.GetMetatable(v).(*lua.LTable); ok {
		if idx, ok := mt.RawGetString("__index").(*lua.LTable); ok {
			addKeys(idx)
		}
	}
	return names
}
