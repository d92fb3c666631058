// Package lower turns checked compiler/tree functions into LLVM 14 IR
// text, built with github.com/llir/llvm (typed pointers).
//
// Representation choices, shared by every file of the package:
//
//   - bool is i1 in registers (the value of an expression) and i8 in
//     memory (allocas, struct fields, array elements, pointees). Loads
//     of a bool truncate to i1 and stores zero-extend to i8
//     (createLoad/createStore). Vectors of bool follow the same rule:
//     <N x i1> in registers, <N x i8> in memory. Aggregate values
//     (structs, arrays) always have their memory form, so extracting a
//     bool field truncates and inserting one extends.
//   - Aggregates larger than 16 bytes are never first-class LLVM values:
//     their register form is a memValue, the address of a private copy,
//     and they move with llvm.memcpy/memset, as clang does (memagg.go).
//   - A struct is an identified LLVM struct (%Name) whose members follow
//     types.Layout: one LLVM member per entry, a union is a single member
//     holding the most-aligned union field, padded with an i8 array to
//     the union's size. Other union fields are reached by bitcasting the
//     member's address. When natural LLVM layout cannot reproduce
//     types.Layout exactly, the struct becomes packed with explicit i8
//     padding. Tuples are literal LLVM structs.
//   - Locals (and parameters) live in allocas placed in the entry block;
//     mem2reg/SROA clean them up.
//   - Calls, function definitions, declarations and wrappers all use the
//     x86-64 System V classification implemented in abi_sysv.go, so
//     Terra→Terra, Terra→C and Lua→Terra (wrapper) calls agree.
//   - A defer statement evaluates its callee and arguments at once into
//     temporaries, as Terra does (its defer tests observe this order),
//     and records the call; the call is lowered again at every exit of
//     its block (fallthrough, break, return, goto out), innermost defer
//     first. A goto runs the defers of the blocks it leaves (those nested
//     deeper than the label's block) and, jumping backwards, those of the
//     label's block registered after the label (defer.go).
//   - Managed types (RAII) add no control flow of their own: the checker
//     schedules destructors as defers owned by their variable, which a
//     return moving the variable out skips; a Temp evaluates into a
//     slot and a FullExpr runs its cleanups after its value (raii.go).
package lower
