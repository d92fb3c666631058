// This file implements Header, the tables of declarations Import returns.

package cimport

// Header holds what a piece of C code declares, after preprocessing.
type Header struct {
	Funcs    map[string]*Type // file-scope functions (Kind Func), by name
	Vars     map[string]*Type // file-scope non-static variables (extern or defined), by name
	Typedefs map[string]*Type // typedef name -> the type it denotes
	Tags     map[string]*Type // plain tag name -> Struct, Union or Enum type (see package doc)
	Enums    map[string]int64 // enumeration constants

	IntMacros   map[string]IntConst // object-like macros with an integer constant value
	FloatMacros map[string]float64  // object-like macros with a floating constant value
	// Literal marks the macros of IntMacros and FloatMacros whose
	// definition is a single numeric literal, optionally negated
	// (`#define N 42`, `#define M -1.5`): the only ones Terra exports.
	Literal map[string]bool

	// Inline lists, in source order, the functions with a body in the
	// translation unit; clang has to compile them (see package doc).
	Inline []string
	// DefinedVars lists the variables the code defines (not just
	// declares extern): their storage also comes from clang's module.
	DefinedVars []string

	// Skipped names declarations that could not be converted, with the
	// reason, like Terra's errors table. Declarations cc/v4 cannot type
	// check in a system header (compiler directories or -isystem) are
	// blanked out and the translation retried; they are keyed by the
	// "file:line:col: message" of the error.
	Skipped map[string]string

	// deps are the files the preprocessor looked at (see cache.go); the
	// body cache (bodies.go) uses them as part of its key.
	deps []dep

	// lazy, for a Header read from the cache by ImportLazy, holds the
	// types not decoded yet: Funcs, Vars, Typedefs and Tags are empty
	// until a whole-table use fills them; Lookup works either way.
	lazy *lazyTypes
}

// IntConst is the value of an integer constant macro.
type IntConst struct {
	Value    int64 // the bits of the value; reinterpret as uint64 if Unsigned
	Unsigned bool  // the C type of the expression is unsigned
	Size     int64 // size in bytes of the C type of the expression (4 or 8 usually)
}

func newHeader() *Header {
	return &Header{
		Funcs:       map[string]*Type{},
		Vars:        map[string]*Type{},
		Typedefs:    map[string]*Type{},
		Tags:        map[string]*Type{},
		Enums:       map[string]int64{},
		IntMacros:   map[string]IntConst{},
		FloatMacros: map[string]float64{},
		Literal:     map[string]bool{},
		Skipped:     map[string]string{},
	}
}
