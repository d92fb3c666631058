// Package tast is the Terra syntax tree built by lang/parse.
//
// The tree is small and flat: each node records its byte span, Terra
// identifiers are resolved by the parser (to a local declaration or to a free
// name hole), and every place where Terra needs a Lua value is a Hole — the
// index of a Lua closure passed alongside the tree to the $terra runtime.
// Trees are stored in a Registry, which hands out the integer ids that the
// generated Lua code names them by.
package tast
