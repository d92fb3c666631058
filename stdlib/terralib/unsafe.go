// This file implements small unsafe helpers for the value bridge.
package terralib

import "unsafe"

func unsafeAdd(p unsafe.Pointer, off int64) unsafe.Pointer { return unsafe.Add(p, off) }

func unsafeBytes(u *uint64) []byte { return unsafe.Slice((*byte)(unsafe.Pointer(u)), 8) }
