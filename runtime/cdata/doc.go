// Package cdata converts between Lua values and native Terra values and
// calls native code from Lua. Native values that Lua holds (pointers,
// structs, arrays) are cdata: a userdata with native memory and its
// Terra type.
package cdata
