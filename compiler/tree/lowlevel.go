// This file implements low-level operations with attributes: inline
// assembly, attributed loads and stores, atomics and fences.
package tree

// LowLevel is one of the operations terralib exposes as builtin macros.
// Op and the argument layout:
//
//	"asm"       Args are the operands; Asm, Constraints, Volatile; Type is
//	            set by the macro (the declared result type)
//	"attrload"  Args = {ptr}; Align, Nontemporal, Volatile
//	"attrstore" Args = {ptr, value}; Align, Nontemporal, Volatile
//	"atomicrmw" Args = {ptr, value}; RMW, Ordering, SyncScope, Align, Volatile
//	"cmpxchg"   Args = {ptr, cmp, new}; Ordering (success),
//	            FailureOrdering, SyncScope, Align, Volatile, Weak; the
//	            result is the tuple {old, success}
//	"fence"     no Args; Ordering, SyncScope
//	"debuginfo" no Args; Asm is a file name and Align a line number that
//	            the debug information gives the rest of the function
//
// After checking, pointer arguments are pointers and value arguments
// have the pointee type.
type LowLevel struct {
	ExprBase
	Op   string
	Args []Expr

	Asm, Constraints string
	RMW              string
	Ordering         string
	FailureOrdering  string
	SyncScope        string
	Align            int64 // 0: the type's natural alignment
	Nontemporal      bool
	Volatile         bool
	Weak             bool
}

// CopyNode implements Copier.
func (e *LowLevel) CopyNode() Expr {
	c := *e
	c.Args = CopyExprs(e.Args)
	return &c
}
