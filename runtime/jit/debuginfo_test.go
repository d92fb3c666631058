package jit

import (
	"strings"
	"syscall"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
)

// dbgIR is a module with line information: t_load (lines 2-3 of
// /src/dbg.t) loads through its argument; the wrapper t_caller (lines 6-7)
// calls it. ATTRS is replaced by the functions' attributes.
const dbgIR = `
define i32 @t_load(i32* %p) ATTRS !dbg !10 {
  %v = load volatile i32, i32* %p, !dbg !21
  ret i32 %v, !dbg !21
}

define void @t_caller(i8* %args, i8* %ret) ATTRS !dbg !11 {
  %pp = bitcast i8* %args to i32**, !dbg !22
  %p = load i32*, i32** %pp, !dbg !22
  %v = call i32 @t_load(i32* %p), !dbg !23
  %r = bitcast i8* %ret to i32*, !dbg !24
  store i32 %v, i32* %r, !dbg !24
  ret void, !dbg !24
}

attributes #0 = { noinline "frame-pointer"="all" }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!1, !2}
!0 = distinct !DICompileUnit(language: DW_LANG_C99, file: !3, producer: "test", emissionKind: FullDebug)
!1 = !{i32 7, !"Dwarf Version", i32 4}
!2 = !{i32 2, !"Debug Info Version", i32 3}
!3 = !DIFile(filename: "dbg.t", directory: "/src")
!4 = !DISubroutineType(types: !5)
!5 = !{null}
!10 = distinct !DISubprogram(name: "load", scope: !3, file: !3, line: 2, type: !4, scopeLine: 2, spFlags: DISPFlagDefinition, unit: !0)
!11 = distinct !DISubprogram(name: "caller", scope: !3, file: !3, line: 6, type: !4, scopeLine: 6, spFlags: DISPFlagDefinition, unit: !0)
!21 = !DILocation(line: 3, column: 5, scope: !10)
!22 = !DILocation(line: 6, column: 1, scope: !11)
!23 = !DILocation(line: 7, column: 3, scope: !11)
!24 = !DILocation(line: 8, column: 3, scope: !11)
`

// faultAt calls the caller of a fresh copy of dbgIR with a null pointer and
// returns the fault.
func faultAt(t *testing.T, attrs string) (*Fault, uintptr) {
	t.Helper()
	p := fresh()
	j := addFresh(t, p, strings.ReplaceAll(dbgIR, "ATTRS", attrs))
	w := lookup(t, j, p+"caller")
	var null *int32
	err := Call(w, unsafe.Pointer(&null), unsafe.Pointer(new(int32)))
	f := wantFault(t, err, syscall.SIGSEGV, "segmentation fault in native code")
	return f, lookup(t, j, p+"load")
}

func TestSourceOfInlinedFault(t *testing.T) {
	// Optimization inlines load into caller: the pc maps to load's line,
	// and the inlined call to the caller's line.
	f, _ := faultAt(t, "")
	want := []SourceFrame{
		{Func: "load", File: "/src/dbg.t", Line: 3, Col: 5},
		{Func: "caller", File: "/src/dbg.t", Line: 7, Col: 3},
	}
	if diff := cmp.Diff(want, f.Source); diff != "" {
		t.Errorf("fault source (-want +got):\n%s", diff)
	}
	if got, want := f.Error(), "/src/dbg.t:3:5: segmentation fault in native code (in terra function load, address 0x0)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestSourceOfCallerFrames(t *testing.T) {
	// Not inlined, with frame pointers: the caller is found on the stack.
	f, load := faultAt(t, "#0")
	want := []SourceFrame{
		{Func: "load", File: "/src/dbg.t", Line: 3, Col: 5},
		{Func: "caller", File: "/src/dbg.t", Line: 7, Col: 3},
	}
	if diff := cmp.Diff(want, f.Source); diff != "" {
		t.Errorf("fault source (-want +got):\n%s", diff)
	}
	if f.PC < load || f.PC > load+64 {
		t.Errorf("fault pc %#x not in load at %#x", f.PC, load)
	}
	// The prologue (frame pointer set-up) is on the function's line.
	src := mustJIT(t).SourceAt(load)
	if len(src) == 0 || src[0].Func != "load" || src[0].Line != 2 {
		t.Errorf("SourceAt(load) = %+v", src)
	}
}

func TestSourceWithoutLineInfo(t *testing.T) {
	// Modules without debug info keep the old report.
	w := faultFn(t, "t_null_write")
	var p *int32
	err := Call(w, unsafe.Pointer(&p), nil)
	f := wantFault(t, err, syscall.SIGSEGV, "in t_null_write+0x")
	if len(f.Source) != 0 {
		t.Errorf("fault in code without line info has source %+v", f.Source)
	}
	if src := mustJIT(t).SourceAt(w); src != nil {
		t.Errorf("SourceAt(t_null_write) = %+v", src)
	}
}
