// Package tree is the specialized Terra tree: what specialization
// produces from a parsed lang/tast tree once escapes are evaluated and
// names are resolved to symbols, Lua values, functions and types.
//
// The typechecker (compiler/check) annotates a tree in place: it sets
// every expression's Type, replaces sub-expressions (inserting Cast,
// Deref and Let nodes, resolving method calls) and leaves a tree in
// which every conversion is explicit. Lowering (compiler/lower) reads
// only checked trees. Specialization copies quote trees when it splices
// them, so a node never appears twice and in-place annotation is safe.
package tree
