// Package parse reads a .t file — Lua 5.1 (plus 5.2's goto and labels) with
// embedded Terra — in one recursive-descent pass.
//
// Lua code becomes gopher-lua AST nodes with exactly the shapes and line
// numbers gopher-lua's own parser gives. Each Terra construct becomes a
// lang/tast tree stored in a tast.Registry, and in the Lua AST an ordinary
// call on the global "$terra" that passes the tree id and one Lua closure per
// hole (see docs/pipeline.md). Nothing is ever printed as Lua source.
//
// Integer literals with an LL/ULL suffix in Lua code become
// $terra.int64lit("<decimal value>", <unsigned>) so the runtime can box them.
package parse
