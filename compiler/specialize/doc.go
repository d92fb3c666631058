// Package specialize turns a parsed Terra tree (lang/tast) into a
// specialized tree (compiler/tree) at definition time: it calls the
// tree's Lua holes (free names, escapes, type annotations), resolves
// Terra locals to symbols, evaluates types and splices quotes. It never
// typechecks; that happens lazily in compiler/check.
package specialize
