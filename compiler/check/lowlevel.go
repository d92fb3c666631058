// This file implements the checking of low-level operations (inline
// assembly, attributed loads and stores, atomics, fences).
package check

import (
	"terrac/compiler/tree"
	"terrac/compiler/types"
)

// atomicOps are the atomicrmw operations of LLVM 14, by operand class.
var atomicOps = map[string]string{
	"xchg": "any", "add": "int", "sub": "int", "and": "int", "nand": "int", "or": "int", "xor": "int",
	"max": "int", "min": "int", "umax": "int", "umin": "int", "fadd": "float", "fsub": "float",
}

// lowLevel checks the operands of a LowLevel node and sets its type.
func (check *Checker) lowLevel(e *tree.LowLevel) tree.Expr {
	for i, a := range e.Args {
		e.Args[i] = check.expr(a)
		if isErr(tree.TypeOf(e.Args[i])) {
			return invalid(e)
		}
	}
	e.LValue = false
	switch e.Op {
	case "asm":
		if e.Type == nil {
			check.errorf(e.Pos, "inline assembly has no result type")
			return invalid(e)
		}
		return e
	case "fence", "debuginfo":
		e.Type = types.Unit()
		return e
	}
	// Every other operation takes an address first.
	pt := tree.TypeOf(e.Args[0])
	if pt.Kind != types.Pointer {
		check.errorf(e.Args[0].Span(), "address must be a pointer but found %s", pt)
		return invalid(e)
	}
	elem := pt.Elem
	for i := 1; i < len(e.Args); i++ {
		e.Args[i] = check.convert(e.Args[i], elem)
		if isErr(tree.TypeOf(e.Args[i])) {
			return invalid(e)
		}
	}
	switch e.Op {
	case "attrload":
		check.completeAt(elem, e.Pos)
		e.Type = elem
	case "attrstore":
		check.completeAt(elem, e.Pos)
		e.Type = types.Unit()
	case "atomicrmw":
		class, ok := atomicOps[e.RMW]
		switch {
		case !ok:
			check.errorf(e.Pos, "unknown atomicrmw operator %s", e.RMW)
			return invalid(e)
		case class == "int" && !elem.IsIntegral(),
			class == "float" && !elem.IsFloat(),
			class == "any" && !elem.IsArithmetic():
			check.errorf(e.Pos, "atomicrmw %s does not support operands of type %s", e.RMW, elem)
			return invalid(e)
		}
		e.Type = elem
	case "cmpxchg":
		if !elem.IsIntegral() && elem.Kind != types.Pointer {
			check.errorf(e.Pos, "cmpxchg requires an integer or pointer operand but found %s", elem)
			return invalid(e)
		}
		e.Type = types.TupleOf(elem, types.Boolean)
	default:
		check.errorf(e.Pos, "unknown low-level operation %s", e.Op)
		return invalid(e)
	}
	return e
}
