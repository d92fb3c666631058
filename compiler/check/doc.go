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
// Errors are collected as source.Diagnostics with Terra's wording; an
// invalid operand (types.ErrorT) absorbs follow-on errors, and the
// function's error renders every message followed by the line
// "Errors reported during typechecking.".
package check
