package grubcfg

import (
	"os"
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// The Lua module image.grubcfg. Errors are raised from the Go functions
// the script calls, so they point at the script's line.
//
//	local g = grubcfg.read("grub.cfg")           -- or grubcfg.parse(text [, name])
//	local e = g:find("Advanced options for Debian GNU/Linux>Debian GNU/Linux, with Linux 6.1.0-13-amd64")
//	local c = e:copy()
//	c:set_title("Debian (serial)"); c:set_id("debian-serial")
//	c:set_kernel("/boot/vmlinuz-6.6"); c:set_initrd("/boot/initrd.img-6.6")
//	c:set_args("root=/dev/vda2 ro console=ttyS0,115200")
//	g:insert(c, { after = e })                   -- or { before = e }, { into = submenu }
//	g:set_timeout(3)
//	local text = g:text()

const (
	docType   = "image.grubcfg.doc"
	entryType = "image.grubcfg.entry"
)

// module keeps one userdata per node, so that the same entry found twice
// is the same Lua value (== works).
type module struct {
	nodes map[*Node]*lua.LUserData
}

// Loader is the package.preload function of image.grubcfg.
func Loader(L *lua.LState) int {
	m := &module{nodes: map[*Node]*lua.LUserData{}}
	docMeta := L.NewTypeMetatable(docType)
	docMeta.RawSetString("__index", L.SetFuncs(L.NewTable(), map[string]lua.LGFunction{
		"text":        m.docText,
		"entries":     m.docEntries,
		"find":        m.docFind,
		"insert":      m.docInsert,
		"remove":      m.docRemove,
		"set_timeout": m.docSetTimeout,
		"set_default": m.docSetDefault,
		"set":         m.docSet,
	}))
	docMeta.RawSetString("__tostring", L.NewFunction(m.docText))
	entryMeta := L.NewTypeMetatable(entryType)
	entryMeta.RawSetString("__index", L.SetFuncs(L.NewTable(), map[string]lua.LGFunction{
		"title":      func(L *lua.LState) int { L.Push(lua.LString(m.entry(L, 1).Title())); return 1 },
		"id":         func(L *lua.LState) int { L.Push(lua.LString(m.entry(L, 1).ID())); return 1 },
		"kind":       func(L *lua.LState) int { L.Push(lua.LString(string(m.entry(L, 1).Kind))); return 1 },
		"text":       func(L *lua.LState) int { L.Push(lua.LString(m.entry(L, 1).Text())); return 1 },
		"copy":       func(L *lua.LState) int { L.Push(m.wrap(L, m.entry(L, 1).Copy())); return 1 },
		"set_title":  func(L *lua.LState) int { m.entry(L, 1).SetTitle(L.CheckString(2)); return 0 },
		"set_id":     func(L *lua.LState) int { m.entry(L, 1).SetID(L.CheckString(2)); return 0 },
		"entries":    m.entryEntries,
		"kernel":     m.entryKernel,
		"set_kernel": m.entrySetKernel,
		"args":       m.entryArgs,
		"set_args":   m.entrySetArgs,
		"initrd":     m.entryInitrd,
		"set_initrd": m.entrySetInitrd,
	}))
	entryMeta.RawSetString("__tostring", L.NewFunction(func(L *lua.LState) int {
		e := m.entry(L, 1)
		L.Push(lua.LString(string(e.Kind) + " '" + e.Title() + "'"))
		return 1
	}))
	mod := L.SetFuncs(L.NewTable(), map[string]lua.LGFunction{
		"parse": m.parse,
		"read":  m.read,
		// quoteword(s [, always]) makes s one GRUB word; quoteargs(cmdline)
		// quotes each kernel argument for a linux line.
		"quoteword": func(L *lua.LState) int {
			if L.OptBool(2, false) {
				L.Push(lua.LString(QuoteAlways(L.CheckString(1))))
			} else {
				L.Push(lua.LString(Quote(L.CheckString(1))))
			}
			return 1
		},
		"quoteargs": func(L *lua.LState) int {
			var raw []string
			for _, a := range SplitCmdline(L.CheckString(1)) {
				raw = append(raw, QuoteArg(a))
			}
			L.Push(lua.LString(strings.Join(raw, " ")))
			return 1
		},
	})
	L.Push(mod)
	return 1
}

func (m *module) newDoc(L *lua.LState, d *Doc) int {
	ud := L.NewUserData()
	ud.Value = d
	L.SetMetatable(ud, L.GetTypeMetatable(docType))
	L.Push(ud)
	return 1
}

func (m *module) parse(L *lua.LState) int {
	src := L.CheckString(1)
	d, err := Parse(L.OptString(2, "grub.cfg"), src)
	if err != nil {
		L.RaiseError("image.grubcfg: %s", err.Error())
	}
	return m.newDoc(L, d)
}

func (m *module) read(L *lua.LState) int {
	path := L.CheckString(1)
	b, err := os.ReadFile(path)
	if err != nil {
		L.RaiseError("image.grubcfg: cannot read %s: %s", path, errText(err))
	}
	d, err := Parse(path, string(b))
	if err != nil {
		L.RaiseError("image.grubcfg: %s", err.Error())
	}
	return m.newDoc(L, d)
}

// errText is an os error without the operation and path it repeats.
func errText(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

func (m *module) doc(L *lua.LState, i int) *Doc {
	if ud, ok := L.Get(i).(*lua.LUserData); ok {
		if d, ok := ud.Value.(*Doc); ok {
			return d
		}
	}
	L.ArgError(i, "grub.cfg document expected (call it as doc:method(...))")
	return nil
}

func (m *module) entry(L *lua.LState, i int) *Node {
	if ud, ok := L.Get(i).(*lua.LUserData); ok {
		if n, ok := ud.Value.(*Node); ok {
			return n
		}
	}
	L.ArgError(i, "menuentry expected (call it as entry:method(...))")
	return nil
}

func (m *module) wrap(L *lua.LState, n *Node) lua.LValue {
	if n == nil {
		return lua.LNil
	}
	if ud, ok := m.nodes[n]; ok {
		return ud
	}
	ud := L.NewUserData()
	ud.Value = n
	L.SetMetatable(ud, L.GetTypeMetatable(entryType))
	m.nodes[n] = ud
	return ud
}

func (m *module) list(L *lua.LState, ns []*Node) int {
	t := L.NewTable()
	for _, n := range ns {
		t.Append(m.wrap(L, n))
	}
	L.Push(t)
	return 1
}

func (m *module) docText(L *lua.LState) int {
	L.Push(lua.LString(m.doc(L, 1).Text()))
	return 1
}

func (m *module) docEntries(L *lua.LState) int { return m.list(L, m.doc(L, 1).Entries()) }

func (m *module) docFind(L *lua.LState) int {
	L.Push(m.wrap(L, m.doc(L, 1).Find(L.CheckString(2))))
	return 1
}

// root is the top of n's tree.
func root(n *Node) *Node {
	for n.Parent != nil {
		n = n.Parent
	}
	return n
}

// inDoc checks that entry i of the call belongs to d.
func (m *module) inDoc(L *lua.LState, d *Doc, n *Node, what string) {
	if root(n) != d.Root {
		L.RaiseError("image.grubcfg: %s: %s is not in this document", what, n.Title())
	}
}

func (m *module) docInsert(L *lua.LState) int {
	d := m.doc(L, 1)
	n := m.entry(L, 2)
	if n.Parent != nil {
		L.RaiseError("image.grubcfg: insert: %s '%s' is already in a document (insert e:copy())", n.Kind, n.Title())
	}
	opts := L.OptTable(3, L.NewTable())
	parent, index := d.Root, len(d.Root.Children)
	count := 0
	for _, k := range []string{"after", "before", "into"} {
		v := opts.RawGetString(k)
		if v == lua.LNil {
			continue
		}
		count++
		ud, ok := v.(*lua.LUserData)
		var at *Node
		if ok {
			at, _ = ud.Value.(*Node)
		}
		if at == nil {
			L.RaiseError("image.grubcfg: insert: %s must be a menuentry or submenu", k)
		}
		m.inDoc(L, d, at, "insert")
		switch k {
		case "after":
			parent, index = at.Parent, at.Index()+1
		case "before":
			parent, index = at.Parent, at.Index()
		case "into":
			if at.Kind != KindSubmenu {
				L.RaiseError("image.grubcfg: insert: into = must be a submenu, not %s '%s'", at.Kind, at.Title())
			}
			parent, index = at, len(at.Children)
		}
	}
	if count > 1 {
		L.RaiseError("image.grubcfg: insert: give one of after, before or into")
	}
	parent.Insert(index, n)
	L.Push(L.Get(2))
	return 1
}

func (m *module) docRemove(L *lua.LState) int {
	d := m.doc(L, 1)
	n := m.entry(L, 2)
	m.inDoc(L, d, n, "remove")
	n.Remove()
	return 0
}

func (m *module) docSet(L *lua.LState) int {
	d := m.doc(L, 1)
	name := L.CheckString(2)
	L.Push(lua.LNumber(d.SetVar(name, valueString(L, 3))))
	return 1
}

// valueString accepts a string or a number.
func valueString(L *lua.LState, i int) string {
	switch v := L.Get(i).(type) {
	case lua.LNumber, lua.LString:
		return lua.LVAsString(v)
	}
	L.ArgError(i, "string or number expected")
	return ""
}

func (m *module) docSetTimeout(L *lua.LState) int {
	d := m.doc(L, 1)
	n := L.CheckNumber(2)
	if n < -1 || float64(n) != float64(int64(n)) {
		L.ArgError(2, "timeout must be a whole number of seconds (-1: wait forever)")
	}
	L.Push(lua.LNumber(d.SetVar("timeout", lua.LVAsString(n))))
	return 1
}

func (m *module) docSetDefault(L *lua.LState) int {
	d := m.doc(L, 1)
	L.Push(lua.LNumber(d.SetVar("default", valueString(L, 2))))
	return 1
}

func (m *module) entryEntries(L *lua.LState) int {
	n := m.entry(L, 1)
	var out []*Node
	n.Walk(func(c *Node) bool {
		if c.IsEntry() {
			out = append(out, c)
			return false
		}
		return true
	})
	return m.list(L, out)
}

// line is entry i's first command among names, or an error naming what.
func (m *module) line(L *lua.LState, n *Node, kernel bool) *Node {
	var c *Node
	what := "linux"
	if kernel {
		c = n.KernelLine()
	} else {
		c, what = n.InitrdLine(), "initrd"
	}
	if c == nil {
		L.RaiseError("image.grubcfg: %s '%s' has no %s line", n.Kind, n.Title(), what)
	}
	return c
}

func (m *module) entryKernel(L *lua.LState) int {
	c := m.entry(L, 1).KernelLine()
	if c == nil || len(c.Words) < 2 {
		L.Push(lua.LNil)
		return 1
	}
	L.Push(lua.LString(c.Args()[0]))
	return 1
}

func (m *module) entrySetKernel(L *lua.LState) int {
	m.line(L, m.entry(L, 1), true).SetKernel(L.CheckString(2))
	return 0
}

func (m *module) entryArgs(L *lua.LState) int {
	c := m.entry(L, 1).KernelLine()
	if c == nil {
		L.Push(lua.LNil)
		return 1
	}
	L.Push(lua.LString(c.KernelArgs()))
	return 1
}

func (m *module) entrySetArgs(L *lua.LState) int {
	m.line(L, m.entry(L, 1), true).SetKernelArgs(L.CheckString(2))
	return 0
}

func (m *module) entryInitrd(L *lua.LState) int {
	c := m.entry(L, 1).InitrdLine()
	t := L.NewTable()
	if c != nil {
		for _, a := range c.Args() {
			t.Append(lua.LString(a))
		}
	}
	L.Push(t)
	return 1
}

func (m *module) entrySetInitrd(L *lua.LState) int {
	n := m.entry(L, 1)
	var paths []string
	if t, ok := L.Get(2).(*lua.LTable); ok {
		for i := 1; i <= t.Len(); i++ {
			s, ok := t.RawGetInt(i).(lua.LString)
			if !ok {
				L.ArgError(2, "list of initrd paths expected")
			}
			paths = append(paths, string(s))
		}
	} else {
		for i := 2; i <= L.GetTop(); i++ {
			paths = append(paths, L.CheckString(i))
		}
	}
	if len(paths) == 0 {
		L.ArgError(2, "initrd path expected")
	}
	if c := n.InitrdLine(); c != nil {
		c.SetArgs(paths)
		return 0
	}
	// no initrd yet: add one after the linux line, as grub-mkconfig does
	k := m.line(L, n, true)
	name := "initrd"
	switch k.Name() {
	case "linuxefi":
		name = "initrdefi"
	case "linux16":
		name = "initrd16"
	}
	c := NewCommand(name, paths)
	k.Parent.Insert(k.Index()+1, c)
	return 0
}
