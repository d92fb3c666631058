// This file implements the code generation attributes of a function
// that Lua sets with :setcallingconv, :setnoreturn and :setoptimized.
package tree

// FuncAttrs are set from Lua before a function is compiled.
type FuncAttrs struct {
	CallingConv string // LLVM name ("fastcc", "coldcc", "ccc"); "" is C
	NoReturn    bool
	NoOptimize  bool // optnone (with noinline, as LLVM requires)
}
