// This file implements building one self-contained LLVM module from the
// exported Terra functions and everything they reach.
package aot

import (
	"fmt"
	"sort"
	"strings"

	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	irtypes "github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"

	"terrac/compiler/lower"
	"terrac/compiler/tree"
)

// Export is one function, or one global variable, to save under a
// symbol name.
type Export struct {
	Name   string
	Fn     *tree.Function
	Global *tree.Global // set instead of Fn for a global
}

// SortExports orders exports by name, so a table's iteration order does
// not change the output.
func SortExports(es []Export) {
	sort.Slice(es, func(i, j int) bool { return es[i].Name < es[j].Name })
}

// reachable lists the defined functions the roots reach that are not in
// seen yet, checking each (checking is what fills Refs). Unlike the JIT
// engine's batches it includes functions that are already compiled: a
// saved module must be complete by itself.
func reachable(roots []*tree.Function, seen map[*tree.Function]bool, check func(*tree.Function) error) ([]*tree.Function, error) {
	var out []*tree.Function
	var walk func(f *tree.Function) error
	walk = func(f *tree.Function) error {
		if seen[f] || f.Extern {
			return nil
		}
		seen[f] = true
		if f.Def == nil {
			return fmt.Errorf("function %s is not defined", f.Name)
		}
		if err := check(f); err != nil {
			return err
		}
		out = append(out, f)
		for _, r := range f.Refs {
			if err := walk(r); err != nil {
				return err
			}
		}
		return nil
	}
	for _, f := range roots {
		if err := walk(f); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// BuildModule lowers the exports and everything they reach into one
// module: exported functions and globals get their given names and
// external linkage, every other Terra function is internal, and C
// functions stay external declarations for the linker.
func BuildModule(exports []Export, check func(*tree.Function) error, o Options) (*lower.Module, error) {
	var roots []*tree.Function
	for _, e := range exports {
		if e.Fn != nil {
			roots = append(roots, e.Fn)
		}
	}
	seen := map[*tree.Function]bool{}
	fns, err := reachable(roots, seen, check)
	if err != nil {
		return nil, err
	}
	// The target's triple picks the calling convention (lower.abiFor).
	m := lower.NewModule("terrac.saved", o.Target.Triple)
	if o.Debug {
		m.EnableDebugInfo("terrac")
	}
	for _, f := range fns {
		if err := m.AddFunction(f); err != nil {
			return nil, err
		}
	}
	for _, e := range exports {
		if e.Global != nil {
			m.Global(e.Global)
		}
	}
	vals, ctors, err := globalValues(m, seen, check, o)
	if err != nil {
		return nil, err
	}
	mod := m.IR()
	for _, f := range mod.Funcs {
		if len(f.Blocks) > 0 {
			f.Linkage = enum.LinkageInternal
		} else if strings.HasPrefix(f.Name(), "terrac_") {
			// The runtime's entry points (Lua callbacks) exist only
			// inside terrac.
			return nil, fmt.Errorf("saveobj: the saved functions call into the terrac runtime (%s), which a saved file cannot contain", f.Name())
		}
	}
	// Module-level data the functions reach (strings, constants) is
	// private to the saved file; declarations without a value stay
	// external for the linker.
	for _, g := range mod.Globals {
		if g.Init != nil && (g.Linkage == enum.LinkageNone || g.Linkage == enum.LinkageExternal) {
			g.Linkage = enum.LinkageInternal
		}
	}
	if err := defineGlobals(m, exports, vals); err != nil {
		return nil, err
	}
	if err := addConstructors(m, ctors, vals); err != nil {
		return nil, err
	}
	taken := map[string]*ir.Func{}
	for _, f := range mod.Funcs {
		taken[f.Name()] = f
	}
	named := map[*ir.Func]bool{}
	for _, e := range exports {
		if e.Fn == nil {
			continue
		}
		f := m.Func(e.Fn)
		if f == nil {
			return nil, fmt.Errorf("saveobj: %s was not lowered", e.Fn.Name)
		}
		if other := taken[e.Name]; other != nil && other != f {
			return nil, fmt.Errorf("saveobj: exported name %s is already the name of another function", e.Name)
		}
		if e.Name == "main" && f.Sig.RetType.Equal(irtypes.Void) {
			// A C main returns the exit status: a Terra main that
			// returns nothing exits with 0, not with whatever its last
			// call left in the return register.
			if taken["main"] != nil {
				return nil, fmt.Errorf("saveobj: exported name main is already the name of another function")
			}
			taken["main"] = newMainWrapper(mod, f)
			continue
		}
		if named[f] {
			// A second name for the same function: an alias.
			mod.NewAlias(e.Name, f)
			continue
		}
		delete(taken, f.Name())
		f.SetName(e.Name)
		f.Linkage = enum.LinkageNone
		taken[e.Name] = f
		named[f] = true
	}
	if len(o.FastMath) > 0 {
		flags, err := fastMathFlags(o.FastMath)
		if err != nil {
			return nil, err
		}
		setFastMath(mod, flags)
	}
	return m, nil
}

// newMainWrapper defines `i32 main(params of f)` calling f and returning 0.
func newMainWrapper(mod *ir.Module, f *ir.Func) *ir.Func {
	ps := make([]*ir.Param, len(f.Params))
	args := make([]value.Value, len(f.Params))
	for i, p := range f.Params {
		ps[i] = ir.NewParam(fmt.Sprintf("a%d", i), p.Typ)
		args[i] = ps[i]
	}
	w := mod.NewFunc("main", irtypes.I32, ps...)
	b := w.NewBlock("entry")
	b.NewCall(f, args...)
	b.NewRet(constant.NewInt(irtypes.I32, 0))
	return w
}

// fastMathOrder is LLVM's own order of the flags, which its IR printer
// uses; keeping it makes our IR text read the same.
var fastMathOrder = []enum.FastMathFlag{
	enum.FastMathFlagFast, enum.FastMathFlagReassoc, enum.FastMathFlagNNaN, enum.FastMathFlagNInf,
	enum.FastMathFlagNSZ, enum.FastMathFlagARcp, enum.FastMathFlagContract, enum.FastMathFlagAFn,
}

// fastMathFlags converts flag names (as LLVM spells them) to flags in
// LLVM's order, without repeats.
func fastMathFlags(names []string) ([]enum.FastMathFlag, error) {
	want := map[enum.FastMathFlag]bool{}
	for _, n := range names {
		found := false
		for _, f := range fastMathOrder {
			if f.String() == n {
				want[f], found = true, true
			}
		}
		if !found {
			return nil, fmt.Errorf("saveobj: unknown fast-math flag %q", n)
		}
	}
	if want[enum.FastMathFlagFast] {
		return []enum.FastMathFlag{enum.FastMathFlagFast}, nil // implies the others
	}
	var out []enum.FastMathFlag
	for _, f := range fastMathOrder {
		if want[f] {
			out = append(out, f)
		}
	}
	return out, nil
}

// setFastMath puts the flags on every floating-point operation, as C
// compilers do under -ffast-math.
func setFastMath(mod *ir.Module, fast []enum.FastMathFlag) {
	for _, f := range mod.Funcs {
		for _, b := range f.Blocks {
			for _, inst := range b.Insts {
				switch i := inst.(type) {
				case *ir.InstFAdd:
					i.FastMathFlags = fast
				case *ir.InstFSub:
					i.FastMathFlags = fast
				case *ir.InstFMul:
					i.FastMathFlags = fast
				case *ir.InstFDiv:
					i.FastMathFlags = fast
				case *ir.InstFRem:
					i.FastMathFlags = fast
				case *ir.InstFNeg:
					i.FastMathFlags = fast
				case *ir.InstFCmp:
					i.FastMathFlags = fast
				}
			}
		}
	}
}
