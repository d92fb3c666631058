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
	"terrac/internal/phase"
	"terrac/compiler/types"
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
	h, err := cimport.Import(code, args, importOptions)
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
// report a missing name with the recorded reason, if any.
func (m *cmapper) tables(h *cimport.Header, link map[string]string) (general, tagged, macros *lua.LTable) {
	L := m.rt.L
	general, tagged, macros = L.NewTable(), L.NewTable(), L.NewTable()
	errs := L.NewTable()
	for name, why := range h.Skipped {
		errs.RawSetString(name, lua.LString(why))
	}
	set := func(tb *lua.LTable, name string, v lua.LValue) {
		if tb.RawGetString(name) == lua.LNil {
			tb.RawSetString(name, v)
		}
	}
	for _, name := range sortedKeys(h.Funcs) {
		c := h.Funcs[name]
		ln, hasBody := link[name]
		if c.Static && !hasBody {
			errs.RawSetString(name, lua.LString("static function without a body cannot be imported"))
			continue
		}
		ft, err := m.funcType(c)
		if err != nil {
			errs.RawSetString(name, lua.LString(err.Error()))
			continue
		}
		fn := tree.NewExtern(name, ft)
		if hasBody {
			fn.LinkName = ln
		}
		set(general, name, m.rt.FunctionValue(fn))
	}
	for _, name := range sortedKeys(h.Typedefs) {
		if t, err := m.typ(h.Typedefs[name]); err == nil {
			set(general, name, m.rt.TypeValue(t))
		} else {
			errs.RawSetString(name, lua.LString(err.Error()))
		}
	}
	for _, name := range sortedKeys(h.Enums) {
		set(general, name, lua.LNumber(h.Enums[name]))
	}
	for _, name := range sortedKeys(h.Vars) {
		v, err := m.cglobal(name, h.Vars[name])
		if err != nil {
			errs.RawSetString(name, lua.LString(err.Error()))
			continue
		}
		set(general, name, v)
	}
	for _, name := range sortedKeys(h.Tags) {
		c := h.Tags[name]
		t, err := m.typ(c)
		if err != nil {
			errs.RawSetString(name, lua.LString(err.Error()))
			continue
		}
		if why := m.opaqueReason(c); why != "" {
			errs.RawSetString(name, lua.LString(why))
		}
		set(tagged, name, m.rt.TypeValue(t))
	}
	// Macros are exported as Terra exports them: only a numeric literal,
	// optionally negated, whose value a Lua number holds exactly (the
	// literal's 64 bits read as signed, as clang gives them to Terra).
	for _, name := range sortedKeys(h.IntMacros) {
		c := h.IntMacros[name]
		if h.Literal[name] && int64(float64(c.Value)) == c.Value {
			set(macros, name, lua.LNumber(c.Value))
		}
	}
	for _, name := range sortedKeys(h.FloatMacros) {
		if h.Literal[name] {
			set(macros, name, lua.LNumber(h.FloatMacros[name]))
		}
	}
	merge := func(from *lua.LTable) {
		from.ForEach(func(k, v lua.LValue) {
			if general.RawGet(k) == lua.LNil {
				general.RawSet(k, v)
			}
		})
	}
	merge(tagged)
	merge(macros)
	mt := L.NewTable()
	mt.RawSetString("errors", errs)
	mt.RawSetString("__index", L.NewFunction(includeIndex))
	L.SetMetatable(general, mt)
	L.SetMetatable(tagged, mt)
	return general, tagged, macros
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
