// This file implements questions about Lua values of a checked program:
// the name path under the cursor, resolving it from the globals (and the
// kept top-level locals), and describing the value.
package lsp

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/runtime/aot"
	"terrac/runtime/cdata"
	"terrac/stdlib/terralib"
)

// pathAt returns the name path ending at the identifier under off
// ("C.printf", "p:norm2", "terralib.includec") and its byte range.
func pathAt(text string, off int) (path string, start, end int) {
	if off > len(text) {
		off = len(text)
	}
	end = off
	for end < len(text) && isIdentByte(text[end]) {
		end++
	}
	start = off
	for start > 0 && (isIdentByte(text[start-1]) || text[start-1] == '.' || text[start-1] == ':') {
		start--
	}
	for start < end && (text[start] == '.' || text[start] == ':') {
		start++
	}
	return text[start:end], start, end
}

// bounded runs f with the state's Lua code limited to a short time, since
// resolving a path can call __index metamethods.
func bounded(rt *terralib.Runtime, f func()) {
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	rt.L.SetContext(ctx)
	defer rt.L.RemoveContext()
	f()
}

// resolvePath evaluates a name path from the globals; a:b is read as
// a.b. It returns nil when a step fails.
func resolvePath(rt *terralib.Runtime, path string) lua.LValue {
	var v lua.LValue = rt.L.G.Global
	for _, name := range strings.FieldsFunc(path, func(r rune) bool { return r == '.' || r == ':' }) {
		next := index(rt, v, name)
		if next == lua.LNil {
			return nil
		}
		v = next
	}
	return v
}

// index is v[name] with metamethods, or nil when that raises an error.
func index(rt *terralib.Runtime, v lua.LValue, name string) (out lua.LValue) {
	out = lua.LNil
	if t, ok := v.(*lua.LTable); ok {
		if r := t.RawGetString(name); r != lua.LNil {
			return r
		}
	}
	if v.Type() != lua.LTTable && v.Type() != lua.LTUserData {
		return lua.LNil
	}
	bounded(rt, func() {
		fn := rt.L.NewFunction(func(L *lua.LState) int {
			L.Push(L.GetField(L.Get(1), name))
			return 1
		})
		if err := rt.L.CallByParam(lua.P{Fn: fn, NRet: 1, Protect: true}, v); err == nil {
			out = rt.L.Get(-1)
			rt.L.Pop(1)
		}
	})
	return out
}

// describe renders what a Lua value is, as Markdown.
func describe(rt *terralib.Runtime, name string, v lua.LValue) string {
	if fn := rt.AsFunction(v); fn != nil {
		return describeFunction(name, fn)
	}
	if t := rt.AsType(v); t != nil {
		return describeType(rt, t)
	}
	if cv, ok := cdata.Is(v); ok {
		return codeBlock("terra", fmt.Sprintf("%s : %s", name, cv.T)) + "\ncdata"
	}
	switch v := v.(type) {
	case lua.LNumber, lua.LBool:
		return codeBlock("lua", fmt.Sprintf("%s = %s", name, v)) + "\nLua " + v.Type().String()
	case lua.LString:
		s := string(v)
		if len(s) > 60 {
			s = s[:60] + "…"
		}
		return codeBlock("lua", fmt.Sprintf("%s = %q", name, s)) + "\nLua string"
	case *lua.LFunction:
		return codeBlock("lua", name) + "\nLua function"
	case *lua.LTable:
		return codeBlock("lua", name) + "\nLua table"
	}
	return codeBlock("lua", name) + "\nLua " + v.Type().String()
}

func codeBlock(lang, s string) string { return "```" + lang + "\n" + s + "\n```" }

// describeFunction renders a Terra function's type, or an extern (C)
// function's C prototype.
func describeFunction(name string, fn *tree.Function) string {
	if fn.Type == nil {
		return codeBlock("terra", "terra "+fn.Name) + "\n(not typechecked)"
	}
	if fn.Extern {
		if h, err := aot.Header([]aot.Export{{Name: fn.Name, Fn: fn}}, ""); err == nil {
			if proto := lastPrototype(h); proto != "" {
				return codeBlock("c", proto) + "\nC function, Terra type " + fn.Type.String()
			}
		}
		return codeBlock("terra", fn.Name+" : "+fn.Type.String()) + "\nextern function"
	}
	return codeBlock("terra", "terra "+fn.Name+" : "+fn.Type.String())
}

// lastPrototype picks the function's prototype out of a generated header.
func lastPrototype(h string) string {
	lines := strings.Split(h, "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.TrimSpace(lines[i])
		if strings.HasSuffix(l, ");") && !strings.HasPrefix(l, "#") {
			return l
		}
	}
	return ""
}

// describeType renders a type; a struct with its fields and methods.
func describeType(rt *terralib.Runtime, t *types.Type) string {
	if t.Kind != types.Struct || t.IsTuple {
		return codeBlock("terra", t.String()) + "\nTerra type"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "struct %s {\n", t)
	if t.IsComplete() {
		for _, f := range t.Fields() {
			fmt.Fprintf(&b, "  %s : %s\n", f.Name, f.Type)
		}
	}
	b.WriteString("}")
	var methods []string
	if m, ok := index(rt, rt.TypeValue(t), "methods").(*lua.LTable); ok {
		m.ForEach(func(k, v lua.LValue) {
			if fn := rt.AsFunction(v); fn != nil && fn.Type != nil {
				methods = append(methods, fmt.Sprintf("%s : %s", k, fn.Type))
			} else {
				methods = append(methods, k.String())
			}
		})
	}
	sort.Strings(methods)
	if len(methods) > 0 {
		b.WriteString("\n-- methods\n" + strings.Join(methods, "\n"))
	}
	return codeBlock("terra", b.String())
}
