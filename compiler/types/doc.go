// Package types implements Terra's types: primitives, pointers, arrays,
// vectors, functions, structs and tuples, their x86-64 SysV layout and
// their printed names. Constructed types are memoized so that identical
// types are the same *Type and can be compared with ==.
package types
