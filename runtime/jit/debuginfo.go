// This file implements pc → source mapping for JIT code: the DWARF line
// tables and subprograms of compiled objects, relocated to where the JIT
// loaded their code.
//
// The object transform in shim.c keeps a copy of every compiled object that
// has a .debug_line section (modules lowered with debug info). Nothing is
// parsed until a pc is asked about (a fault, a traceback): then the pending
// objects are taken from C, each text section's load address is found by
// looking up a global symbol defined in it, the symbol table is patched
// with those addresses so debug/elf's relocation of the DWARF sections
// yields absolute addresses, and the line rows and (inlined) subprogram
// ranges are kept.
package jit

/*
#include <stdlib.h>
#include "shim.h"
*/
import "C"

import (
	"bytes"
	"debug/dwarf"
	"debug/elf"
	"sort"
	"strings"
	"unsafe"
)

// SourceFrame is one source-level frame of JIT code.
type SourceFrame struct {
	Func string // the Terra function (DWARF subprogram) name
	File string // the path in the line table (joined with its directory)
	Line int
	Col  int // 0 if unknown
	// Wrapper marks the Lua-call wrapper of Func (an artificial
	// subprogram) rather than Func itself.
	Wrapper bool
}

// lineRow is one row of a line table; end marks the end of a sequence.
type lineRow struct {
	obj       int32 // index in debugTables.objs
	addr      uint64
	file      string
	line, col int
	end       bool
}

// scope is a subprogram or an inlined call of one: its code ranges, the
// function's name, and for inlined calls where the call is.
type scope struct {
	obj        int32 // index in debugTables.objs (top-level scopes)
	ranges     [][2]uint64
	name       string
	artificial bool
	callFile   string
	callLine   int
	callCol    int
	inlined    []*scope
}

// debugTables is what all parsed objects contributed.
type debugTables struct {
	rows   []lineRow // sorted by addr
	scopes []*scope  // top-level subprograms
	// objs names, for each parsed object, a global function in it, so
	// that rows and scopes of code a Tracker removed can be dropped.
	objs []string
}

// takeDebugObjects parses the objects compiled since the last call. j.mu
// must be held.
func (j *JIT) takeDebugObjects() {
	added := false
	for {
		var p unsafe.Pointer
		var n C.size_t
		if C.terrac_jit_take_object(j.c, &p, &n) == 0 {
			break
		}
		data := C.GoBytes(p, C.int(n))
		C.free(p)
		j.parseDebugObject(data)
		added = true
	}
	if added {
		sort.SliceStable(j.dbg.rows, func(a, b int) bool { return j.dbg.rows[a].addr < j.dbg.rows[b].addr })
	}
}

// lookupLocked returns the address of a compiled symbol, or 0.
func (j *JIT) lookupLocked(name string) uint64 {
	cname := C.CString(name)
	defer C.free(unsafe.Pointer(cname))
	var addr C.uint64_t
	if m := C.terrac_jit_lookup(j.c, cname, &addr); m != nil {
		C.free(unsafe.Pointer(m))
		return 0
	}
	return uint64(addr)
}

// parseDebugObject adds one object's line rows and scopes. Objects that
// cannot be parsed or placed are skipped: line information is a help,
// never a reason to fail.
func (j *JIT) parseDebugObject(data []byte) {
	f, err := elf.NewFile(bytes.NewReader(data))
	if err != nil || f.Class != elf.ELFCLASS64 || f.Type != elf.ET_REL {
		return
	}
	syms, err := f.Symbols()
	if err != nil {
		return
	}
	// Load address of each section that holds a global function.
	base := map[elf.SectionIndex]uint64{}
	anchor := ""
	for _, s := range syms {
		if elf.ST_TYPE(s.Info) != elf.STT_FUNC || elf.ST_BIND(s.Info) == elf.STB_LOCAL || s.Section == elf.SHN_UNDEF || s.Section >= elf.SHN_LORESERVE {
			continue
		}
		if _, ok := base[s.Section]; ok {
			continue
		}
		if a := j.lookupLocked(s.Name); a != 0 {
			base[s.Section] = a - s.Value
			if anchor == "" {
				anchor = s.Name
			}
		}
	}
	if len(base) == 0 {
		return
	}
	// Patch st_value of every symbol in a placed section (including the
	// section symbols DWARF relocations use) by the section's address.
	symtab := f.SectionByType(elf.SHT_SYMTAB)
	if symtab == nil || symtab.Offset+symtab.Size > uint64(len(data)) {
		return
	}
	const symSize = 24 // Elf64_Sym
	bo := f.ByteOrder
	tab := data[symtab.Offset : symtab.Offset+symtab.Size]
	for off := 0; off+symSize <= len(tab); off += symSize {
		shndx := elf.SectionIndex(bo.Uint16(tab[off+6:]))
		if b, ok := base[shndx]; ok {
			v := tab[off+8 : off+16]
			bo.PutUint64(v, bo.Uint64(v)+b)
		}
	}
	f, err = elf.NewFile(bytes.NewReader(data))
	if err != nil {
		return
	}
	d, err := f.DWARF()
	if err != nil {
		return
	}
	j.dbg.objs = append(j.dbg.objs, anchor)
	j.addDWARF(d, int32(len(j.dbg.objs)-1))
}

// dropDeadDebugInfo forgets the rows and scopes of objects whose code was
// removed (their anchor symbol no longer resolves). j.mu must be held.
func (j *JIT) dropDeadDebugInfo() {
	dead := map[int32]bool{}
	for i, a := range j.dbg.objs {
		if a != "" && j.lookupLocked(a) == 0 {
			dead[int32(i)] = true
			j.dbg.objs[i] = ""
		}
	}
	if len(dead) == 0 {
		return
	}
	rows := j.dbg.rows[:0]
	for _, r := range j.dbg.rows {
		if !dead[r.obj] {
			rows = append(rows, r)
		}
	}
	j.dbg.rows = rows
	scopes := j.dbg.scopes[:0]
	for _, s := range j.dbg.scopes {
		if !dead[s.obj] {
			scopes = append(scopes, s)
		}
	}
	clear(j.dbg.scopes[len(scopes):])
	j.dbg.scopes = scopes
}

// addDWARF reads every compile unit's line table and subprograms.
func (j *JIT) addDWARF(d *dwarf.Data, obj int32) {
	r := d.Reader()
	for {
		cu, err := r.Next()
		if err != nil || cu == nil {
			return
		}
		if cu.Tag != dwarf.TagCompileUnit {
			r.SkipChildren()
			continue
		}
		var files []*dwarf.LineFile
		if lr, err := d.LineReader(cu); err == nil && lr != nil {
			files = lr.Files()
			var e dwarf.LineEntry
			for lr.Next(&e) == nil {
				row := lineRow{obj: obj, addr: e.Address, line: e.Line, col: e.Column, end: e.EndSequence}
				if e.File != nil {
					row.file = e.File.Name
				}
				j.dbg.rows = append(j.dbg.rows, row)
			}
		}
		fileName := func(v any) string {
			i, ok := v.(int64)
			if !ok || i < 0 || int(i) >= len(files) || files[i] == nil {
				return ""
			}
			return files[i].Name
		}
		if cu.Children {
			for _, s := range readScopes(d, r, fileName) {
				s.obj = obj
				j.dbg.scopes = append(j.dbg.scopes, s)
			}
		}
	}
}

// readScopes reads the children of the entry r just returned, up to the
// end of its children, keeping subprograms and inlined subroutines.
func readScopes(d *dwarf.Data, r *dwarf.Reader, fileName func(any) string) []*scope {
	var out []*scope
	for {
		e, err := r.Next()
		if err != nil || e == nil || e.Tag == 0 {
			return out
		}
		switch e.Tag {
		case dwarf.TagSubprogram, dwarf.TagInlinedSubroutine, dwarf.TagLexDwarfBlock:
			// Terra functions are named $f in the debug information.
			s := &scope{name: strings.TrimPrefix(entryName(d, e), "$")}
			s.artificial, _ = e.Val(dwarf.AttrArtificial).(bool)
			if rs, err := d.Ranges(e); err == nil {
				for _, rg := range rs {
					s.ranges = append(s.ranges, [2]uint64{rg[0], rg[1]})
				}
			}
			if e.Tag == dwarf.TagInlinedSubroutine {
				s.callFile = fileName(e.Val(dwarf.AttrCallFile))
				s.callLine = intVal(e.Val(dwarf.AttrCallLine))
				s.callCol = intVal(e.Val(dwarf.AttrCallColumn))
			}
			var kids []*scope
			if e.Children {
				kids = readScopes(d, r, fileName)
			}
			if e.Tag == dwarf.TagLexDwarfBlock {
				// A lexical block only groups: its inlined calls
				// belong to the enclosing scope.
				out = append(out, kids...)
				continue
			}
			s.inlined = kids
			if len(s.ranges) > 0 {
				out = append(out, s)
			}
		default:
			if e.Children {
				r.SkipChildren()
			}
		}
	}
}

func intVal(v any) int {
	if i, ok := v.(int64); ok {
		return int(i)
	}
	return 0
}

// entryName is an entry's DW_AT_name, following DW_AT_abstract_origin and
// DW_AT_specification as inlined and out-of-line copies refer to it.
func entryName(d *dwarf.Data, e *dwarf.Entry) string {
	for i := 0; i < 4 && e != nil; i++ {
		if n, ok := e.Val(dwarf.AttrName).(string); ok {
			return n
		}
		off, ok := e.Val(dwarf.AttrAbstractOrigin).(dwarf.Offset)
		if !ok {
			if off, ok = e.Val(dwarf.AttrSpecification).(dwarf.Offset); !ok {
				return ""
			}
		}
		r := d.Reader()
		r.Seek(off)
		e, _ = r.Next()
	}
	return ""
}

func (s *scope) contains(pc uint64) bool {
	for _, r := range s.ranges {
		if pc >= r[0] && pc < r[1] {
			return true
		}
	}
	return false
}

// lineAt returns the line row covering pc.
func (t *debugTables) lineAt(pc uint64) (lineRow, bool) {
	i := sort.Search(len(t.rows), func(i int) bool { return t.rows[i].addr > pc }) - 1
	if i < 0 || t.rows[i].end {
		return lineRow{}, false
	}
	// Several rows can share an address; the last one describes it.
	return t.rows[i], true
}

// framesAt returns the source frames of pc, innermost (inlined) first.
func (t *debugTables) framesAt(pc uint64) []SourceFrame {
	row, ok := t.lineAt(pc)
	if !ok {
		return nil
	}
	var chain []*scope // outermost first
	for _, s := range t.scopes {
		if s.contains(pc) {
			chain = append(chain, s)
			for cur := s; ; {
				var next *scope
				for _, k := range cur.inlined {
					if k.contains(pc) {
						next = k
						break
					}
				}
				if next == nil {
					break
				}
				chain = append(chain, next)
				cur = next
			}
			break
		}
	}
	if len(chain) == 0 {
		return []SourceFrame{{File: row.file, Line: row.line, Col: row.col}}
	}
	var out []SourceFrame
	file, line, col := row.file, row.line, row.col
	for i := len(chain) - 1; i >= 0; i-- {
		s := chain[i]
		// An artificial subprogram (a Lua-call wrapper) is no frame of
		// its own when it only holds inlined Terra code.
		if !(s.artificial && i == 0 && len(out) > 0) {
			out = append(out, SourceFrame{Func: s.name, File: file, Line: line, Col: col, Wrapper: s.artificial})
		}
		file, line, col = s.callFile, s.callLine, s.callCol
	}
	return out
}

// SourceAt maps a pc of JIT code to its source frames, innermost first:
// the function containing pc, then the functions it was inlined into. It
// is empty for code without line information (modules lowered without
// debug info, code that is not JIT code). For a return address, ask about
// the call instruction (pc-1).
func (j *JIT) SourceAt(pc uintptr) []SourceFrame {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.takeDebugObjects()
	return j.dbg.framesAt(uint64(pc))
}
