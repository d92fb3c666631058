// This file implements function, struct and quote nodes.
package tast

// Func is a Terra function: a named statement in a Group, or an anonymous
// terra(…) … end. A declaration "terra f :: T" has Type set and no Body.
type Func struct {
	Pos
	Name   []string // target path: {"f"}, {"a","b"}, {"T","methods","m"}; nil if anonymous
	Local  bool     // local terra f
	Method bool     // terra T:m(…): Params[0] is the implicit self : &T
	Params []*VarDecl
	Vararg bool
	Result *Hole // return type, nil when inferred
	Type   *Hole // terra f :: T
	Body   *Block
}

// Struct is a struct definition, a bare declaration "struct S" (Entries nil
// and Declared false), or an anonymous struct { … }.
type Struct struct {
	Pos
	Name     []string
	Local    bool
	Metatype *Hole // struct S(fn) { … }
	Defined  bool  // has a { … } body
	Entries  []Entry
}

// Entry is *Field or *Union.
type Entry interface {
	Node
	entryNode()
}

// Field is "name : T". A field with an empty Name is a bare type expression
// whose value the runtime splices as a list of entries.
type Field struct {
	Pos
	Name string
	// NameHole is set for "[e] : T": the field is named by the string
	// or symbol e evaluates to.
	NameHole *Hole
	Type     *Hole
}

// Union is union { … }: its entries share storage.
type Union struct {
	Pos
	Entries []Entry
}

func (*Field) entryNode() {}
func (*Union) entryNode() {}

// Quote is `e (Expr set, Body nil) or quote … [in e1, …] end.
type Quote struct {
	Pos
	Expr    Expr
	Body    *Block
	Results []Expr
}
