// Package terralib is the Lua face of terrac: the `terralib` table,
// Terra types, functions and other Terra objects as Lua values, the
// internal `$terra` table that parsed programs call into, and the
// Lua state a program runs in.
package terralib
