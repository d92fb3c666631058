// Package checkmode runs a program's Lua stage with the engine in
// verify-only mode (no native code ever runs), then typechecks, lowers
// and verifies every Terra function it defined, called or not. It is the
// library behind `terrac check` and the language server's diagnostics.
package checkmode
