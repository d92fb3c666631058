// Package check is Terra's typechecker. It annotates a specialized
// compiler/tree in place, lazily, one function at a time: a function is
// checked when first needed, and the functions it references are
// checked right then (recursion needs a declared type).
//
// After checking, every expression has its Type and LValue set and every
// conversion is explicit in the tree (Cast, Unary "@" dereferences, Let
// temporaries); method calls are resolved to Calls and multi-value
// assignments are destructured through temporaries. See the comments in
// compiler/tree and the per-construct files here for the exact shapes.
//
// Statements that involve managed types (structs with __dtor, or with
// managed fields) are then rewritten so that every managed value has one
// owner: initializer calls, destructors as owned defers, copies, moves
// and temporaries (raii.go, docs/raii.md).
//
// Errors are collected as source.Diagnostics with Terra's wording; an
// invalid operand (types.ErrorT) absorbs follow-on errors, and the
// function's error renders every message followed by the line
// "Errors reported during typechecking.".
package check
