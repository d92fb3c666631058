// This file implements the Checker, its Host interface and the lazy
// per-function driver.
package check

import (
	"fmt"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/internal/phase"
	"terrac/lang/source"
)

// Host is what the checker needs from the Lua layer.
//
// Hook for a later issue: macros, overloaded functions and metamethods
// (__cast, __apply, __entrymissing, operators, …) will be reached through
// an optional extension of this interface; the places that would call it
// are marked "hook:" in this package.
type Host interface {
	// AsType returns the Terra type a Lua value denotes, or nil.
	AsType(v lua.LValue) *types.Type
	// AsFunction returns the Terra function a Lua value is, or nil.
	AsFunction(v lua.LValue) *tree.Function
	// Method returns t.methods[name] for a struct type, or lua.LNil.
	Method(t *types.Type, name string) lua.LValue
}

// MacroHost is implemented by hosts that support macros: Lua functions
// run at typechecking time that receive their (unchecked) argument
// expressions and return the expression that replaces the call.
type MacroHost interface {
	// ExpandMacro expands a call of v with args; isMacro is false when
	// v is not a macro. The result is checked like any expression.
	ExpandMacro(v lua.LValue, args []tree.Expr, at source.Span) (res tree.Expr, isMacro bool, err error)
}

// Checker typechecks the functions of one compile batch.
type Checker struct {
	Host Host
	env  *env // the function being checked; nil between functions
}

// New makes a Checker that asks h about Lua values.
func New(h Host) *Checker { return &Checker{Host: h} }

// env is the per-function checking state, saved and restored around a
// nested (lazy) check of a referenced function.
type env struct {
	fn      *tree.Function
	diags   source.List
	callees source.List // diagnostics of failed referenced functions

	result  *types.Type   // declared result type, nil when inferred
	returns []*returnInfo // every return statement, for inference and casts

	scope  *scope
	ctx    stmtContext
	blocks []*tree.Block // enclosing blocks, innermost last (for goto)
	defers []int         // defers seen so far in each of blocks
	labels map[*tree.Label]*labelInfo
	gotos  []*gotoInfo

	refs      []*tree.Function
	globals   []*tree.Global
	refSet    map[*tree.Function]bool
	completed map[*types.Type]bool // completion already attempted here
	// castNotes are the errors of the __cast metamethods the last failed
	// implicit conversion tried (castnotes.go).
	castNotes []source.Note
	ntemps    int
	// spliced is set while checking the statements of a quote spliced
	// into a block: their names may repeat (hygiene), so no duplicate
	// check.
	spliced bool
	// written marks blocks spliced by a macro-like expansion (a __for
	// loop body) that hold the user's own statements: inside them
	// duplicate names are reported again.
	written map[*tree.Block]bool
	// freeSyms is set while checking a quote on its own (CheckCopy):
	// like Terra, a quote may use a symbol declared outside it, which
	// only a function definition must have in scope.
	freeSyms bool
	// stmtAt is the span of the expression of the expression statement
	// being checked, while a macro expanded there may still splice
	// statements into the block (see expansion).
	stmtAt  source.Span
	inStmtX bool

	// failedDefs collects overloaded definitions that failed to check
	// while the candidates of one call are gathered.
	failedDefs []*tree.Function

	// Managed types (raii.go): statements already rewritten, variables
	// whose destructor is scheduled, and the destructor calls of the
	// temporaries of the full expression being rewritten.
	raiiDone map[tree.Stmt]bool
	owned    map[*tree.Symbol]bool
	cleanup  []tree.Expr
	raiiBad  map[*raiiInfo]bool // bad methods already reported here
	raiiSeen map[tree.Expr]bool // expressions already walked
	// raiiCopies are the __copy calls that initialize variables declared
	// with a value of another type.
	raiiCopies map[*tree.VarDecl]tree.Expr
	// dtorCount counts the destructors scheduled in each block so far
	// (e.defers counts them with the user's defers).
	dtorCount map[*tree.Block]int
}

// stmtContext is the legality bitset for statements.
type stmtContext uint8

const (
	inLoop stmtContext = 1 << iota
)

// Function typechecks fn if it has not been checked yet. It returns nil
// when fn is checked and the recorded *CheckError when it failed.
func (check *Checker) Function(fn *tree.Function) error {
	switch fn.State {
	case tree.Checked:
		return nil
	case tree.CheckFailed:
		return fn.CheckErr
	case tree.Checking:
		return fmt.Errorf("function %s is already being typechecked", fn.Name)
	}
	if fn.Def == nil {
		if fn.Type != nil {
			return nil // a declaration: its type is known; defined later
		}
		return fmt.Errorf("function %s has neither a definition nor a type", fn.Name)
	}
	phase.Enter(phase.Check)
	defer phase.Leave()

	saved := check.env
	check.env = &env{
		fn:        fn,
		labels:    map[*tree.Label]*labelInfo{},
		refSet:    map[*tree.Function]bool{},
		completed: map[*types.Type]bool{},
	}
	defer func() { check.env = saved }()

	fn.State = tree.Checking
	check.funcBody(fn)

	fn.Refs = check.env.refs
	fn.Globals = check.env.globals
	if len(check.env.diags) > 0 {
		err := newCheckError(fn, check.env.diags, check.env.callees)
		fn.State = tree.CheckFailed
		fn.CheckErr = err
		return err
	}
	fn.State = tree.Checked
	return nil
}

// funcBody checks the definition of fn and sets fn.Type.
func (check *Checker) funcBody(fn *tree.Function) {
	def := fn.Def
	e := check.env
	e.scope = newScope(nil)

	params := make([]*types.Type, len(def.Params))
	for i, p := range def.Params {
		t := p.VarType()
		if t == nil {
			check.errorf(def.Pos, "type must be specified for parameters and uninitialized variables")
			t = types.ErrorT
			p.Checked = t
		}
		check.completeAt(t, def.Pos)
		params[i] = t
		// Written names were checked for duplicates when specialized;
		// distinct symbols spliced in may share a display name.
		check.declare(p, def.Pos, false)
	}

	e.result = def.Result
	if e.result == nil && fn.Type != nil && fn.Type.Kind == types.Func {
		e.result = fn.Type.Result // declared with `terra f :: T` earlier
	}
	if e.result != nil && fn.Type == nil {
		// Known before the body: recursive references may use it.
		fn.Type = types.FuncOf(params, e.result, def.Variadic)
	}

	check.block(def.Body)
	check.raiiParams(def)
	check.labelsCheck()
	result := check.returns(def)
	if fn.Type == nil || fn.Type.Result != result {
		fn.Type = types.FuncOf(params, result, def.Variadic)
	}
	check.completeAt(result, def.Pos)
}

// useFunction records a reference to fn from the function being checked
// and returns fn's type, checking fn first if needed (lazy checking).
func (check *Checker) useFunction(fn *tree.Function, at source.Span) *types.Type {
	e := check.env
	if !e.refSet[fn] {
		e.refSet[fn] = true
		e.refs = append(e.refs, fn)
	}
	switch fn.State {
	case tree.Checked:
		return fn.Type
	case tree.Checking:
		if fn.Type != nil {
			return fn.Type
		}
		d := check.errorf(at, "referenced function needs an explicit return type (it is recursively referenced or used before its own definition)")
		if fn.Def != nil {
			d.Notes = append(d.Notes, source.Note{Span: fn.Def.Pos, Msg: "definition of function is here."})
		}
		return types.ErrorT
	case tree.CheckFailed:
		check.failedCallee(fn, at)
		return types.ErrorT
	}
	if fn.Def == nil {
		if fn.Type != nil {
			return fn.Type // declared, not yet defined: allowed at check time
		}
		check.errorf(at, "referenced function %s has no definition", fn.Name)
		return types.ErrorT
	}
	if check.Function(fn) != nil {
		check.failedCallee(fn, at)
		return types.ErrorT
	}
	return fn.Type
}

// failedCallee reports a reference to a function that failed to check
// and carries its diagnostics along, so the user sees the cause.
func (check *Checker) failedCallee(fn *tree.Function, at source.Span) {
	check.errorf(at, "referenced function %s has type errors", fn.Name)
	if ce, ok := fn.CheckErr.(*CheckError); ok {
		check.env.callees = append(check.env.callees, ce.Diags...)
	}
}
