// This file implements the node interfaces, spans, holes and tree roots.
package tast

import "terrac/lang/source"

// Node is any tree node.
type Node interface {
	Span() (start, end source.Pos)
}

// Expr is a Terra expression.
type Expr interface {
	Node
	exprNode()
}

// Stmt is a Terra statement.
type Stmt interface {
	Node
	stmtNode()
}

// Pos is the byte range of a node; it is embedded in every node.
type Pos struct {
	Start, End source.Pos
}

func (p Pos) Span() (source.Pos, source.Pos) { return p.Start, p.End }

// HoleKind says what produced a hole and so how the runtime calls it.
type HoleKind uint8

const (
	// HoleName is a free identifier: function() return x end.
	HoleName HoleKind = iota
	// HoleEscape is [e] in expression or statement position.
	HoleEscape
	// HoleType is a type annotation (": T", a return type, a field type,
	// "::" function type, or the implied &T of a method's self).
	HoleType
	// HoleSymbol is a [e] that names a declaration, label, field or method.
	HoleSymbol
	// HoleBlock is escape … end: function(emit, l1, …, ln) … end.
	HoleBlock
	// HoleMeta is the metatype decorator of struct S(fn) { … }.
	HoleMeta
)

func (k HoleKind) String() string {
	return [...]string{"name", "escape", "type", "symbol", "block", "meta"}[k]
}

// Hole is one Lua value the Terra tree needs. Index is the hole's position
// in the argument list of the $terra call that carries the tree. For every
// kind but HoleName, Locals lists the Terra locals in scope (innermost
// declaration per name, in declaration order); the closure takes their
// symbols as parameters in that order (after emit, for HoleBlock).
type Hole struct {
	Pos
	Index  int
	Kind   HoleKind
	Name   string // HoleName: the free identifier
	Locals []*VarDecl
}

// VarDecl declares one Terra local: a parameter, a var, or a loop variable.
// Exactly one of Name and Symbol is set. Type is nil when no type was given.
type VarDecl struct {
	Pos
	Name   string
	Symbol *Hole // var [s], (a, [s] : T), for [s] = …
	Type   *Hole
	Self   bool // the implicit self of terra T:m(…)
}

// Tree is one registered root with everything needed to specialize it.
type Tree struct {
	ID    int
	File  *source.File
	Root  Root
	Holes []*Hole
}

// Root is the top node of a Tree: *Group, *Func (anonymous), *Struct
// (anonymous) or *Quote.
type Root interface {
	Node
	rootNode()
}

// Group is a run of consecutive terra/struct statements in Lua code; they are
// declared together so they can refer to each other.
type Group struct {
	Pos
	Items []Decl
}

// Decl is an item of a Group: *Func or *Struct.
type Decl interface {
	Node
	declNode()
}

func (*Group) rootNode()  {}
func (*Func) rootNode()   {}
func (*Struct) rootNode() {}
func (*Quote) rootNode()  {}
func (*Func) declNode()   {}
func (*Struct) declNode() {}
