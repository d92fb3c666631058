// This file implements the Type representation and the primitive types.
package types

import "sync"

// Kind says which variant a Type is.
type Kind uint8

const (
	Invalid Kind = iota
	Bool
	Int
	Float
	Pointer
	Array
	Vector
	Struct // named structs, anonymous structs and tuples
	Func   // a function type; values of it exist only behind pointers
	Opaque
	Nil // niltype, the type of nil
	ErrorKind
)

// Type is one Terra type. Only Struct types are mutable (their entries
// and methods are filled in after creation); every other kind is built
// through a memoizing constructor and never changes.
type Type struct {
	Kind   Kind
	Bits   int  // Int: 8..64, Float: 32/64
	Signed bool // Int

	Elem      *Type // Pointer, Array, Vector
	N         int   // Array, Vector: element count
	AddrSpace int   // Pointer

	Params   []*Type // Func
	Result   *Type   // Func: unit tuple when nothing is returned
	Variadic bool    // Func

	*StructInfo // Struct

	// RAII is owned by compiler/check: whether a complete struct or
	// array type is managed (has __dtor, or holds a managed field or
	// element) and the functions that initialize, destroy and copy it.
	// Decided once, the first time the checker asks, and cached here.
	RAII any

	name string // printed name for primitives, cached for the rest
	id   int    // creation order, used for deterministic naming
}

var (
	mu     sync.Mutex
	nextID int
)

func newType(t *Type) *Type {
	nextID++
	t.id = nextID
	return t
}

func prim(name string, k Kind, bits int, signed bool) *Type {
	return newType(&Type{Kind: k, Bits: bits, Signed: signed, name: name})
}

// The primitive types, by Terra name.
var (
	Int8    = prim("int8", Int, 8, true)
	Int16   = prim("int16", Int, 16, true)
	Int32   = prim("int32", Int, 32, true)
	Int64   = prim("int64", Int, 64, true)
	Uint8   = prim("uint8", Int, 8, false)
	Uint16  = prim("uint16", Int, 16, false)
	Uint32  = prim("uint32", Int, 32, false)
	Uint64  = prim("uint64", Int, 64, false)
	Boolean = prim("bool", Bool, 8, false)
	Float32 = prim("float", Float, 32, true)
	Float64 = prim("double", Float, 64, true)

	OpaqueT = newType(&Type{Kind: Opaque, name: "opaque"})
	NilT    = newType(&Type{Kind: Nil, name: "niltype"})
	ErrorT  = newType(&Type{Kind: ErrorKind, name: "<error>"})
)

// Primitives lists the primitive types under every global name Terra
// gives them, including the aliases.
func Primitives() map[string]*Type {
	return map[string]*Type{
		"int8": Int8, "int16": Int16, "int32": Int32, "int64": Int64,
		"uint8": Uint8, "uint16": Uint16, "uint32": Uint32, "uint64": Uint64,
		"bool": Boolean, "float": Float32, "double": Float64,
		"int": Int32, "uint": Uint32, "long": Int64, "ulong": Uint64,
		"intptr": Uint64, "ptrdiff": Int64,
		"opaque": OpaqueT, "niltype": NilT,
		"rawstring": PointerTo(Int8),
	}
}

// Predicates, named as Terra's reflection methods.
func (t *Type) IsPrimitive() bool  { return t.Kind == Bool || t.Kind == Int || t.Kind == Float }
func (t *Type) IsIntegral() bool   { return t.Kind == Int }
func (t *Type) IsFloat() bool      { return t.Kind == Float }
func (t *Type) IsArithmetic() bool { return t.Kind == Int || t.Kind == Float }
func (t *Type) IsLogical() bool    { return t.Kind == Bool }
func (t *Type) IsPointer() bool    { return t.Kind == Pointer }
func (t *Type) IsArray() bool      { return t.Kind == Array }
func (t *Type) IsVector() bool     { return t.Kind == Vector }
func (t *Type) IsFunction() bool   { return t.Kind == Func }
func (t *Type) IsStruct() bool     { return t.Kind == Struct }
func (t *Type) IsOpaque() bool     { return t.Kind == Opaque }
func (t *Type) IsError() bool      { return t.Kind == ErrorKind }
func (t *Type) IsAggregate() bool  { return t.Kind == Struct || t.Kind == Array }
func (t *Type) CanBeOrd() bool     { return t.Kind == Int || t.Kind == Bool } // integral or logical: the operands of bitwise ops
func (t *Type) IsPointerToStruct() bool {
	return t.Kind == Pointer && t.Elem.Kind == Struct
}
func (t *Type) IsPointerToFunction() bool {
	return t.Kind == Pointer && t.Elem.Kind == Func
}

// IsUnit reports whether t is the empty tuple {}.
func (t *Type) IsUnit() bool {
	return t.Kind == Struct && t.IsTuple && len(t.Entries) == 0
}

// Scalar returns the element type of a vector, or t itself.
func (t *Type) Scalar() *Type {
	if t.Kind == Vector {
		return t.Elem
	}
	return t
}

// IsIntegralOrVector and friends test the scalar of a vector as well.
func (t *Type) IsIntegralOrVector() bool   { return t.Scalar().IsIntegral() }
func (t *Type) IsFloatOrVector() bool      { return t.Scalar().IsFloat() }
func (t *Type) IsArithmeticOrVector() bool { return t.Scalar().IsArithmetic() }
func (t *Type) IsLogicalOrVector() bool    { return t.Scalar().IsLogical() }
func (t *Type) IsPrimitiveOrVector() bool  { return t.Scalar().IsPrimitive() }
func (t *Type) CanBeOrdOrVector() bool     { return t.Scalar().CanBeOrd() }
