// Package cdata converts between Lua values and native Terra values and
// calls native code from Lua. Native values that Lua holds (pointers,
// structs, arrays) are cdata: a userdata with native memory and its
// Terra type.
//
// Conversion follows Terra's (LuaJIT FFI's) rules with two deliberate
// differences:
//   - 64-bit integer results are plain numbers when they lie in
//     [-2^53, 2^53] and boxed int64/uint64 cdata otherwise (LuaJIT always
//     boxes), so they behave as numbers wherever they safely can;
//   - a NULL pointer result is nil (gopher-lua never calls __eq against
//     nil), so `p == nil` works.
//
// Calls go through a Plan (layout and buffers cached per function);
// callbacks through per-callback IR thunks that call terrac_callback.
package cdata
