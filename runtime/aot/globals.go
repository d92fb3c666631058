// This file implements saving global variables. The module lowered for
// the JIT only declares them (the runtime owns their storage), so a saved
// file defines each one: plain data with the bytes it holds when saved,
// and a value holding addresses (of strings, globals, functions) by
// running its initializer from a constructor of the saved file, which
// LLVM's optimizer usually folds into static data with relocations.
package aot

import (
	"fmt"

	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	lltypes "github.com/llir/llvm/ir/types"

	"terrac/compiler/lower"
	"terrac/compiler/tree"
	"terrac/compiler/types"
)

// savedValue is how a saved global gets its first value: bytes, or
// zero bytes and a constructor that stores its initializer.
type savedValue struct {
	bytes  []byte
	ctor   *tree.Function
	folded bool // ctor was evaluated into a static initializer
}

// globalValues decides the value of every non-extern global the module
// uses. Initializers it lowers may use further globals and functions;
// they are added to the module as they are found.
func globalValues(m *lower.Module, seen map[*tree.Function]bool, check func(*tree.Function) error, o Options) (map[*tree.Global]*savedValue, []*tree.Function, error) {
	vals := map[*tree.Global]*savedValue{}
	var ctors []*tree.Function
	for i := 0; i < len(m.Globals()); i++ {
		g := m.Globals()[i]
		if g.Extern {
			continue
		}
		if o.GlobalValue == nil {
			return nil, nil, fmt.Errorf("saveobj: global %s cannot be saved here (no runtime to read it from)", g.Name)
		}
		b, err := o.GlobalValue(g)
		if err != nil {
			return nil, nil, err
		}
		v := &savedValue{bytes: b}
		vals[g] = v
		if !hasPointer(g.Type) || allZero(b) {
			continue
		}
		var fn *tree.Function
		if o.GlobalInit != nil {
			if fn, err = o.GlobalInit(g); err != nil {
				return nil, nil, err
			}
		}
		if fn == nil {
			return nil, nil, fmt.Errorf("saveobj: global %s holds addresses in this process that no initializer describes (it was set at run time); only its initializer could be saved", g.Name)
		}
		fs, err := reachable([]*tree.Function{fn}, seen, check)
		if err != nil {
			return nil, nil, err
		}
		for _, f := range fs {
			if err := m.AddFunction(f); err != nil {
				return nil, nil, err
			}
		}
		v.bytes = make([]byte, len(b))
		v.ctor = fn
		ctors = append(ctors, fn)
	}
	return vals, ctorOrder(ctors, vals), nil
}

// ctorOrder puts the constructor of a global before those that read it.
func ctorOrder(ctors []*tree.Function, vals map[*tree.Global]*savedValue) []*tree.Function {
	done := map[*tree.Function]bool{}
	var out []*tree.Function
	var visit func(f *tree.Function)
	visit = func(f *tree.Function) {
		if done[f] {
			return
		}
		done[f] = true
		for _, g := range f.Globals {
			if v := vals[g]; v != nil && v.ctor != nil {
				visit(v.ctor)
			}
		}
		out = append(out, f)
	}
	for _, f := range ctors {
		visit(f)
	}
	return out
}

// defineGlobals gives every non-extern global the module refers to a
// definition. An exported global takes its export name; a global created
// with a name (global(T, v, "name")) is external under that name, as
// Terra makes it, so other files can declare it extern; the rest are
// internal. The LLVM name the lowered code uses stays as an alias.
func defineGlobals(m *lower.Module, exports []Export, vals map[*tree.Global]*savedValue) error {
	mod := m.IR()
	exported := map[*tree.Global]string{}
	for _, e := range exports {
		if e.Global != nil {
			if _, ok := exported[e.Global]; !ok {
				exported[e.Global] = e.Name
			}
		}
	}
	taken := map[string]bool{}
	for _, f := range mod.Funcs {
		taken[f.Name()] = true
	}
	for _, gv := range mod.Globals {
		taken[gv.Name()] = true
	}
	for _, e := range exports {
		if e.Fn != nil {
			taken[e.Name] = true
		}
	}
	for _, g := range m.Globals() {
		v := vals[g]
		if g.Extern || v == nil {
			continue
		}
		var decl *ir.Global
		for i, gv := range mod.Globals {
			if gv.Name() == g.LinkName {
				decl = gv
				mod.Globals = append(mod.Globals[:i], mod.Globals[i+1:]...)
				break
			}
		}
		if decl == nil {
			continue
		}
		name, linkage := g.LinkName+".data", enum.LinkageInternal
		if n, ok := exported[g]; ok {
			if taken[n] {
				return fmt.Errorf("saveobj: exported name %s is already the name of another function or global", n)
			}
			name, linkage = n, enum.LinkageNone
		} else if publicName(g) && !taken[g.Name] {
			name, linkage = g.Name, enum.LinkageNone
		}
		taken[name] = true
		if v.ctor != nil {
			// The constructor stores through the declaration; keep it,
			// typed, as the definition.
			decl.SetName(name)
			decl.Init = constant.NewZeroInitializer(decl.ContentType)
			decl.Linkage = linkage
			mod.Globals = append(mod.Globals, decl)
			if c := foldInitializer(m.Func(v.ctor), decl); c != nil {
				// The value is known: no constructor, and a constant
				// stays constant in the saved file.
				decl.Init = c
				decl.Immutable = g.Constant && linkage == enum.LinkageInternal
				v.folded = true
			}
			a := mod.NewAlias(g.LinkName, decl)
			a.Linkage = enum.LinkageInternal
			continue
		}
		var init constant.Constant = constant.NewCharArray(v.bytes)
		if allZero(v.bytes) {
			init = constant.NewZeroInitializer(lltypes.NewArray(uint64(len(v.bytes)), lltypes.I8))
		}
		data := mod.NewGlobalDef(name, init)
		data.Linkage = linkage
		data.Align = decl.Align
		data.Immutable = g.Constant && linkage == enum.LinkageInternal
		a := mod.NewAlias(g.LinkName, constant.NewBitCast(data, decl.Typ))
		a.Linkage = enum.LinkageInternal
	}
	return nil
}

// publicName reports whether g was given a name that can be a symbol.
func publicName(g *tree.Global) bool {
	if g.Constant || g.Name == "" {
		return false
	}
	for i, r := range g.Name {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// addConstructors registers the initializer functions in
// llvm.global_ctors, in order, and drops those that were folded into
// static initializers.
func addConstructors(m *lower.Module, ctors []*tree.Function, vals map[*tree.Global]*savedValue) error {
	mod := m.IR()
	folded := map[*tree.Function]bool{}
	dead := map[*ir.Func]bool{}
	for _, v := range vals {
		if v.folded {
			folded[v.ctor] = true
			dead[m.Func(v.ctor)] = true
		}
	}
	if len(folded) > 0 {
		var keep []*tree.Function
		for _, fn := range ctors {
			if !folded[fn] {
				keep = append(keep, fn)
			}
		}
		ctors = keep
		fs := mod.Funcs[:0]
		for _, f := range mod.Funcs {
			if !dead[f] {
				fs = append(fs, f)
			}
		}
		mod.Funcs = fs
	}
	if len(ctors) == 0 {
		return nil
	}
	fnPtr := lltypes.NewPointer(lltypes.NewFunc(lltypes.Void))
	entry := lltypes.NewStruct(lltypes.I32, fnPtr, lltypes.I8Ptr)
	var elems []constant.Constant
	for _, fn := range ctors {
		f := m.Func(fn)
		if f == nil {
			return fmt.Errorf("saveobj: initializer %s was not lowered", fn.Name)
		}
		var c constant.Constant = f
		if !f.Typ.Equal(fnPtr) {
			c = constant.NewBitCast(f, fnPtr)
		}
		elems = append(elems, constant.NewStruct(entry, constant.NewInt(lltypes.I32, 65535), c, constant.NewNull(lltypes.I8Ptr)))
	}
	g := mod.NewGlobalDef("llvm.global_ctors", constant.NewArray(lltypes.NewArray(uint64(len(elems)), entry), elems...))
	g.Linkage = enum.LinkageAppending
	return nil
}

func hasPointer(t *types.Type) bool {
	switch t.Kind {
	case types.Pointer, types.Nil:
		return true
	case types.Array, types.Vector:
		return hasPointer(t.Elem)
	case types.Struct:
		for _, f := range t.Fields() {
			if hasPointer(f.Type) {
				return true
			}
		}
	}
	return false
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}
