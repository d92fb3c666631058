// This file implements terralib.includec, includecstring, includepath and
// linklibrary: C declarations read by stdlib/cimport and C function bodies
// compiled by clang, returned as Terra's three tables (general, tagged,
// macros).
package terralib

import (
	"fmt"
	"os"
	"sort"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/internal/phase"
	"terrac/stdlib/cimport"
)

// initCImport installs the C import functions in the terralib table tl.
func (rt *Runtime) initCImport(tl *lua.LTable) {
	L := rt.L
	path := os.Getenv("INCLUDE_PATH")
	if path == "" {
		path = "."
	}
	tl.RawSetString("includepath", lua.LString(path))
	tl.RawSetString("includec", L.NewFunction(func(L *lua.LState) int {
		return rt.includec(L, "#include \""+L.CheckString(1)+"\"\n", L.OptTable(2, nil))
	}))
	tl.RawSetString("includecstring", L.NewFunction(func(L *lua.LState) int {
		return rt.includec(L, L.CheckString(1), L.OptTable(2, nil))
	}))
	tl.RawSetString("linklibrary", L.NewFunction(func(L *lua.LState) int {
		path := L.CheckString(1)
		if strings.HasSuffix(path, ".bc") || strings.HasSuffix(path, ".ll") {
			L.RaiseError("linklibrary cannot load LLVM bitcode %s; use terralib.linkllvm", path)
		}
		if err := rt.Engine.LoadLibrary(path); err != nil {
			L.RaiseError("%s", err.Error())
		}
		rt.linked = append(rt.linked, path)
		return 0
	}))
}

// includeArgs is the user's args followed by -I for each entry of
// terralib.includepath (";"-separated), as Terra passes them to clang.
func (rt *Runtime) includeArgs(L *lua.LState, argTable *lua.LTable) []string {
	var args []string
	if argTable != nil {
		for i := 1; i <= argTable.Len(); i++ {
			args = append(args, lua.LVAsString(argTable.RawGetInt(i)))
		}
	}
	if tl, ok := L.GetGlobal("terralib").(*lua.LTable); ok {
		for _, p := range strings.Split(lua.LVAsString(tl.RawGetString("includepath")), ";") {
			if p != "" {
				args = append(args, "-I", p)
			}
		}
	}
	return args
}

// includec imports code and pushes general, tagged and macros.
func (rt *Runtime) includec(L *lua.LState, code string, argTable *lua.LTable) int {
	args := rt.includeArgs(L, argTable)
	key := code + "\x00" + strings.Join(args, "\x00")
	if res, ok := rt.cimports[key].(*lua.LTable); ok {
		for i := 1; i <= 3; i++ {
			L.Push(res.RawGetInt(i))
		}
		return 3
	}
	h, err := cimport.ImportLazy(code, args, importOptions)
	if err != nil {
		L.RaiseError("%s", err.Error())
	}
	link := map[string]string{}
	if len(h.Inline) > 0 || len(h.DefinedVars) > 0 {
		b, err := cimport.CompileBodies(code, args, h, cimport.BodyOptions{})
		if err != nil {
			L.RaiseError("%s", err.Error())
		}
		if b.IR != "" {
			if err := rt.Engine.AddCModule(b.Key, b.IR); err != nil {
				L.RaiseError("%s", err.Error())
			}
		}
		link = b.Link
	}
	phase.Enter(phase.CTables)
	m := newCmapper(rt, &rt.cRecords)
	general, tagged, macros := m.tables(h, link)
	phase.Leave()
	res := L.NewTable()
	res.Append(general)
	res.Append(tagged)
	res.Append(macros)
	rt.cimports[key] = res
	L.Push(general)
	L.Push(tagged)
	L.Push(macros)
	return 3
}

// tables builds Terra's three tables. general holds functions, typedefs,
// enumeration constants and C globals, then the tags and macros whose
// names are still free; tagged holds struct, union and enum tags; both
// report a missing name with the recorded reason, if any. The tables fill
// themselves on demand (see lazyImport), so an import costs what the
// program uses; the metatable's errors table is filled on demand too.
func (m *cmapper) tables(h *cimport.Header, link map[string]string) (general, tagged, macros *lua.LTable) {
	L := m.rt.L
	li := &lazyImport{m: m, h: h, link: link,
		general: L.NewTable(), tagged: L.NewTable(), macros: L.NewTable(), errs: L.NewTable(),
		genDone: map[string]bool{}, tagVal: map[string]lua.LValue{}}
	li.general.SetLazy(lazyGeneral{li})
	li.tagged.SetLazy(lazyTagged{li})
	li.macros.SetLazy(lazyMacros{li})
	for name, why := range h.Skipped {
		li.errs.RawSetString(name, lua.LString(why))
	}
	li.errs.SetLazy(lazyErrors{li})
	mt := L.NewTable()
	mt.RawSetString("errors", li.errs)
	mt.RawSetString("__index", L.NewFunction(includeIndex))
	L.SetMetatable(li.general, mt)
	L.SetMetatable(li.tagged, mt)
	return li.general, li.tagged, li.macros
}

// lazyImport makes the values of one import's names on first use, in the
// tables Terra returns. Each name is converted at most once; the results
// are those of converting everything in the order general's precedence
// gives (functions, typedefs, enumeration constants, globals, tags,
// macros), except which of two records with one name but different
// layouts is mapped first.
type lazyImport struct {
	m                              *cmapper
	h                              *cimport.Header
	link                           map[string]string
	general, tagged, macros, errs  *lua.LTable
	genDone                        map[string]bool       // names general has been filled with
	tagVal                         map[string]lua.LValue // tags converted (nil: not importable)
	allGeneral, allTagged, allMacr bool
}

// setErr records why name could not be imported (the last reason wins,
// as in the tables filled eagerly before).
func (li *lazyImport) setErr(name, why string) {
	li.errs.RawSetString(name, lua.LString(why))
}

// tag converts tag name once.
func (li *lazyImport) tag(name string) lua.LValue {
	if v, ok := li.tagVal[name]; ok {
		return v
	}
	var v lua.LValue
	if c := li.h.Lookup(cimport.TagNames, name); c != nil {
		if t, err := li.m.typ(c); err != nil {
			li.setErr(name, err.Error())
		} else {
			if why := li.m.opaqueReason(c); why != "" {
				li.setErr(name, why)
			}
			v = li.m.rt.TypeValue(t)
		}
	}
	li.tagVal[name] = v
	return v
}

// macro is macro name's value as Terra exports it: only a numeric
// literal, optionally negated, whose value a Lua number holds exactly (the
// literal's 64 bits read as signed, as clang gives them to Terra).
func (li *lazyImport) macro(name string) lua.LValue {
	h := li.h
	if !h.Literal[name] {
		return nil
	}
	if c, ok := h.IntMacros[name]; ok {
		if int64(float64(c.Value)) == c.Value {
			return lua.LNumber(c.Value)
		}
	} else if f, ok := h.FloatMacros[name]; ok {
		return lua.LNumber(f)
	}
	return nil
}

// gen fills general with name once, converting it in each namespace so
// that errors holds every reason.
func (li *lazyImport) gen(name string) {
	if li.genDone[name] {
		return
	}
	li.genDone[name] = true
	m, h := li.m, li.h
	var v lua.LValue
	set := func(x lua.LValue) {
		if v == nil && x != nil {
			v = x
		}
	}
	if c := h.Lookup(cimport.FuncNames, name); c != nil {
		ln, hasBody := li.link[name]
		if ft, err := m.funcType(c); c.Kind != cimport.Func {
			li.setErr(name, fmt.Sprintf("unsupported C type %s", c))
		} else if c.Static && !hasBody {
			li.setErr(name, "static function without a body cannot be imported")
		} else if err != nil {
			li.setErr(name, err.Error())
		} else {
			fn := tree.NewExtern(name, ft)
			if hasBody {
				fn.LinkName = ln
			}
			set(m.rt.FunctionValue(fn))
		}
	}
	if c := h.Lookup(cimport.TypedefNames, name); c != nil {
		if t, err := m.typ(c); err == nil {
			set(m.rt.TypeValue(t))
		} else {
			li.setErr(name, err.Error())
		}
	}
	if e, ok := h.Enums[name]; ok {
		set(lua.LNumber(e))
	}
	if c := h.Lookup(cimport.VarNames, name); c != nil {
		if g, err := m.cglobal(name, c); err != nil {
			li.setErr(name, err.Error())
		} else {
			set(g)
		}
	}
	if h.Has(cimport.TagNames, name) {
		set(li.tag(name))
	}
	set(li.macro(name))
	if v != nil {
		li.general.RawSetString(name, v)
	}
}

// allNames lists, once each, the names general can hold, in precedence
// order.
func (li *lazyImport) allNames() []string {
	h := li.h
	var names []string
	names = append(names, h.Names(cimport.FuncNames)...)
	names = append(names, h.Names(cimport.TypedefNames)...)
	names = append(names, sortedKeys(h.Enums)...)
	names = append(names, h.Names(cimport.VarNames)...)
	names = append(names, h.Names(cimport.TagNames)...)
	names = append(names, sortedKeys(h.IntMacros)...)
	names = append(names, sortedKeys(h.FloatMacros)...)
	return names
}

func (li *lazyImport) fillGeneral() {
	if !li.allGeneral {
		li.allGeneral = true
		for _, name := range li.allNames() {
			li.gen(name)
		}
	}
}

func (li *lazyImport) fillTagged() {
	if !li.allTagged {
		li.allTagged = true
		for _, name := range li.h.Names(cimport.TagNames) {
			if v := li.tag(name); v != nil {
				li.tagged.RawSetString(name, v)
			}
		}
	}
}

// The fillers of the four tables (gopher-lua's LazyFill).
type (
	lazyGeneral struct{ li *lazyImport }
	lazyTagged  struct{ li *lazyImport }
	lazyMacros  struct{ li *lazyImport }
	lazyErrors  struct{ li *lazyImport }
)

func (f lazyGeneral) Fill(tb *lua.LTable, name string) lua.LValue {
	if f.li.genDone[name] {
		return lua.LNil // converted already: absent, or removed by the program
	}
	phase.Enter(phase.CTables)
	defer phase.Leave()
	f.li.gen(name)
	return tb.RawGetString(name)
}

func (f lazyGeneral) FillAll(*lua.LTable) {
	phase.Enter(phase.CTables)
	defer phase.Leave()
	f.li.fillGeneral()
}

func (f lazyTagged) Fill(tb *lua.LTable, name string) lua.LValue {
	if f.li.allTagged {
		return lua.LNil
	}
	phase.Enter(phase.CTables)
	defer phase.Leave()
	if v := f.li.tag(name); v != nil {
		tb.RawSetString(name, v)
		return v
	}
	return lua.LNil
}

func (f lazyTagged) FillAll(*lua.LTable) {
	phase.Enter(phase.CTables)
	defer phase.Leave()
	f.li.fillTagged()
}

func (f lazyMacros) Fill(tb *lua.LTable, name string) lua.LValue {
	if f.li.allMacr {
		return lua.LNil
	}
	if v := f.li.macro(name); v != nil {
		tb.RawSetString(name, v)
		return v
	}
	return lua.LNil
}

func (f lazyMacros) FillAll(tb *lua.LTable) {
	li := f.li
	li.allMacr = true
	for _, m := range [][]string{sortedKeys(li.h.IntMacros), sortedKeys(li.h.FloatMacros)} {
		for _, name := range m {
			if v := li.macro(name); v != nil && tb.RawGetString(name) == lua.LNil {
				tb.RawSetString(name, v)
			}
		}
	}
}

// errors: a name's reason is known once it was converted in general and
// tagged; a traversal converts everything.
func (f lazyErrors) Fill(tb *lua.LTable, name string) lua.LValue {
	phase.Enter(phase.CTables)
	defer phase.Leave()
	f.li.gen(name)
	f.li.tag(name)
	return tb.RawGetString(name)
}

func (f lazyErrors) FillAll(tb *lua.LTable) {
	phase.Enter(phase.CTables)
	defer phase.Leave()
	f.li.fillGeneral()
	f.li.fillTagged()
}

// includeIndex reports a name missing from an include table, with the
// reason it could not be imported when there is one.
func includeIndex(L *lua.LState) int {
	tb := L.CheckTable(1)
	name := L.CheckAny(2)
	if mt, ok := L.GetMetatable(tb).(*lua.LTable); ok {
		if errs, ok := mt.RawGetString("errors").(*lua.LTable); ok {
			if why := errs.RawGet(name); why != lua.LNil {
				L.RaiseError("includec: error importing symbol '%s': %s", lua.LVAsString(name), lua.LVAsString(why))
			}
		}
	}
	L.RaiseError("includec: imported symbol '%s' not found.", lua.LVAsString(name))
	return 0
}

func sortedKeys[V any](mp map[string]V) []string {
	ks := make([]string, 0, len(mp))
	for k := range mp {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// cglobal makes the Lua value for a C global variable.
func (m *cmapper) cglobal(name string, c *cimport.Type) (lua.LValue, error) {
	t, err := m.typ(c)
	if err != nil {
		return nil, err
	}
	if t.Kind == types.Struct && !t.Defined {
		return nil, fmt.Errorf("global of opaque type %s", t)
	}
	return m.rt.cglobalValue(name, t), nil
}

// cglobalValue makes a C global variable an extern Terra global bound to
// its C symbol (a Terra lvalue; :get()/:set() from Lua).
func (rt *Runtime) cglobalValue(name string, t *types.Type) lua.LValue {
	g := tree.NewGlobal(name, t)
	g.Lua = &globalLua{}
	g.Extern = true
	g.LinkName = name
	return rt.globalValue(g)
}

// importOptions are the cimport options includec uses (benchmarks change
// the cache settings).
var importOptions cimport.Options
