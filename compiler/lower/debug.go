// This file implements DWARF line information: a compile unit, one
// subprogram per Terra function and a DILocation on every instruction,
// so debuggers and addr2line map machine code back to .t lines.
//
// Positions are attached per statement: the instructions created while a
// statement is the innermost one being lowered get its line. Expressions
// do not get their own columns; a line is what a debugger steps by.
package lower

import (
	"path/filepath"
	"reflect"

	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	"github.com/llir/llvm/ir/metadata"
	lltypes "github.com/llir/llvm/ir/types"

	"terrac/compiler/tree"
	"terrac/lang/source"
)

// AbsoluteDebugPaths records source files in debug information as a base
// name in an absolute directory rather than as spelled (terra -g -g).
var AbsoluteDebugPaths bool

// debugInfo is the module-wide debug metadata.
type debugInfo struct {
	producer string
	cu       *metadata.DICompileUnit
	files    map[string]*metadata.DIFile
	locs     map[locKey]*metadata.DILocation
	subType  *metadata.DISubroutineType
	// framePointers: functions keep frame pointers (debug_jit.go).
	framePointers bool
}

type locKey struct {
	scope     metadata.Field
	line, col int64
}

// funcDebug is the debug state of the function being lowered.
type funcDebug struct {
	sp      *metadata.DISubprogram
	file    *source.File
	scopes  map[*source.File]metadata.Field
	stack   []metadata.Field // innermost statement's location last (as *DILocation)
	scanned map[*ir.Block]int
	started bool // a statement has been seen
	// custom is the position terralib.debuginfo set: it replaces every
	// position from there to the end of the function.
	custom *metadata.DILocation
}

// EnableDebugInfo makes the module carry DWARF line information for the
// functions added after this call. producer names the compiler in the
// compile unit.
func (m *Module) EnableDebugInfo(producer string) {
	if m.dbg != nil {
		return
	}
	m.dbg = &debugInfo{
		producer: producer,
		files:    map[string]*metadata.DIFile{},
		locs:     map[locKey]*metadata.DILocation{},
	}
	flag := func(behavior int64, name string, v int64) *metadata.Tuple {
		return m.addMD(&metadata.Tuple{MetadataID: -1, Fields: []metadata.Field{
			constant.NewInt(lltypes.I32, behavior), &metadata.String{Value: name}, constant.NewInt(lltypes.I32, v)}}).(*metadata.Tuple)
	}
	// Behaviour 7 is Max, 2 is Warning: what clang emits.
	m.mod.NamedMetadataDefs["llvm.module.flags"] = &metadata.NamedDef{
		Name:  "llvm.module.flags",
		Nodes: []metadata.Node{flag(7, "Dwarf Version", 4), flag(2, "Debug Info Version", 3)},
	}
	ty := &metadata.DISubroutineType{MetadataID: -1, Types: &metadata.Tuple{MetadataID: -1, Fields: []metadata.Field{metadata.Null}}}
	m.addMD(ty.Types)
	m.dbg.subType = m.addMD(ty).(*metadata.DISubroutineType)
}

// HasDebugInfo reports whether EnableDebugInfo was called.
func (m *Module) HasDebugInfo() bool { return m.dbg != nil }

func (m *Module) addMD(d metadata.Definition) metadata.Definition {
	m.mod.MetadataDefs = append(m.mod.MetadataDefs, d)
	return d
}

// diFile returns the DIFile of a source file; relative names are kept
// relative to the compile directory, as C compilers do.
func (m *Module) diFile(f *source.File) *metadata.DIFile {
	name := "<unknown>"
	if f != nil {
		name = f.Name
	}
	if d := m.dbg.files[name]; d != nil {
		return d
	}
	// A relative name is recorded as spelled, relative to "." (terra -g);
	// with AbsoluteDebugPaths (terra -g -g) it becomes a base name in an
	// absolute directory.
	dir := "."
	switch {
	case filepath.IsAbs(name):
		dir = filepath.Dir(name)
		name = filepath.Base(name)
	case AbsoluteDebugPaths && f != nil:
		if abs, err := filepath.Abs(name); err == nil {
			dir, name = filepath.Dir(abs), filepath.Base(abs)
		}
	}
	d := &metadata.DIFile{MetadataID: -1, Filename: name, Directory: dir}
	m.addMD(d)
	m.dbg.files[name] = d
	if m.dbg.cu == nil {
		m.dbg.cu = &metadata.DICompileUnit{
			MetadataID:   -1,
			Distinct:     true,
			Language:     enum.DwarfLangC99, // the closest language DWARF knows
			File:         d,
			Producer:     m.dbg.producer,
			EmissionKind: enum.EmissionKindFullDebug,
		}
		m.addMD(m.dbg.cu)
		m.mod.NamedMetadataDefs["llvm.dbg.cu"] = &metadata.NamedDef{Name: "llvm.dbg.cu", Nodes: []metadata.Node{m.dbg.cu}}
	}
	return d
}

// debugBegin gives the function being lowered a subprogram.
func (b *builder) debugBegin() {
	if b.dbg == nil {
		return
	}
	pos := b.fn.Def.Pos
	file := b.diFile(pos.File)
	line := int64(0)
	if pos.File != nil {
		line = int64(pos.Position().Line)
	}
	// The prologue is attributed to the scope line: the first statement,
	// as for the instructions that spill the parameters (debugStmt), so
	// no address of the body maps back to the line of `terra f(...)`.
	scopeLine := line
	if body := b.fn.Def.Body; body != nil && len(body.Stmts) > 0 {
		if s := body.Stmts[0].Span(); s.File == pos.File && s.File != nil {
			scopeLine = int64(s.Position().Line)
		}
	}
	sp := &metadata.DISubprogram{
		MetadataID:   -1,
		Distinct:     true,
		Scope:        file,
		Name:         "$" + b.fn.Name, // how Terra names its functions' symbols, so debuggers show $f
		File:         file,
		Line:         line,
		Type:         b.dbg.subType,
		ScopeLine:    scopeLine,
		Flags:        enum.DIFlagPrototyped,
		SPFlags:      enum.DISPFlagDefinition,
		Unit:         b.dbg.cu,
		IsDefinition: true,
	}
	b.addMD(sp)
	b.f.Metadata = append(b.f.Metadata, &metadata.Attachment{Name: "dbg", Node: sp})
	b.framePointer(b.f)
	b.fdbg = &funcDebug{
		sp:      sp,
		file:    pos.File,
		scopes:  map[*source.File]metadata.Field{pos.File: sp},
		scanned: map[*ir.Block]int{},
	}
	b.fdbg.stack = []metadata.Field{b.location(pos)}
}

// location returns the DILocation of a span in the current function.
func (b *builder) location(s source.Span) *metadata.DILocation {
	fd := b.fdbg
	if fd.custom != nil {
		return fd.custom
	}
	scope := fd.scopes[s.File]
	if scope == nil {
		// Code spliced from a quote written in another file.
		lbf := &metadata.DILexicalBlockFile{MetadataID: -1, Scope: fd.sp, File: b.diFile(s.File)}
		b.addMD(lbf)
		fd.scopes[s.File] = lbf
		scope = lbf
	}
	var line, col int64
	if s.File != nil {
		p := s.Position()
		line, col = int64(p.Line), int64(p.Col)
	}
	k := locKey{scope, line, col}
	if l := b.dbg.locs[k]; l != nil {
		return l
	}
	l := &metadata.DILocation{MetadataID: -1, Line: line, Column: col, Scope: scope}
	b.addMD(l)
	b.dbg.locs[k] = l
	return l
}

// debugStmt tags the instructions created so far with the enclosing
// position and makes s the innermost one; the returned func ends s.
func (b *builder) debugStmt(s tree.Stmt) func() {
	if b.fdbg == nil {
		return func() {}
	}
	// The prologue (parameter spills) takes the first statement's line:
	// debuggers put a function's breakpoint where its first line after
	// the entry line begins, which is then the body's first statement.
	if b.fdbg.started {
		b.debugFlush()
	}
	b.fdbg.started = true
	b.fdbg.stack = append(b.fdbg.stack, b.location(s.Span()))
	return func() {
		b.debugFlush()
		b.fdbg.stack = b.fdbg.stack[:len(b.fdbg.stack)-1]
	}
}

// debugFlush attaches the innermost position to every instruction and
// terminator that has none yet.
func (b *builder) debugFlush() {
	fd := b.fdbg
	loc := fd.stack[len(fd.stack)-1]
	tag := func(md *ir.Metadata) {
		for _, a := range *md {
			if a.Name == "dbg" {
				return
			}
		}
		*md = append(*md, &metadata.Attachment{Name: "dbg", Node: loc.(*metadata.DILocation)})
	}
	blocks := b.f.Blocks
	if b.cur != nil && b.cur.Parent == nil {
		blocks = append(blocks[:len(blocks):len(blocks)], b.cur)
	}
	for _, blk := range blocks {
		from := fd.scanned[blk]
		for _, inst := range blk.Insts[from:] {
			if md := instMetadata(inst); md != nil {
				tag(md)
			}
		}
		fd.scanned[blk] = len(blk.Insts)
		if blk.Term != nil {
			if md := termMetadata(blk.Term); md != nil {
				tag(md)
			}
		}
	}
}

// debugEnd tags what the function's last statements left untagged.
func (b *builder) debugEnd() {
	if b.fdbg == nil {
		return
	}
	b.fdbg.stack = b.fdbg.stack[:1]
	b.debugFlush()
}

// instMetadata returns the metadata attachments of an instruction; every
// llir instruction type embeds ir.Metadata.
func instMetadata(inst ir.Instruction) *ir.Metadata { return reflectMetadata(inst) }

func termMetadata(t ir.Terminator) *ir.Metadata { return reflectMetadata(t) }

// reflectMetadata finds the embedded ir.Metadata of an instruction: llir
// has a getter for it but no setter.
func reflectMetadata(x any) *ir.Metadata {
	v := reflect.ValueOf(x)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName("Metadata")
	if !f.IsValid() || f.Type() != reflect.TypeOf(ir.Metadata(nil)) {
		return nil
	}
	return f.Addr().Interface().(*ir.Metadata)
}

// debugCustom attributes the code lowered from here to the end of the
// function to file:line (terralib.debuginfo). The file is recorded as
// written, relative to ".", whether or not it exists.
func (b *builder) debugCustom(file string, line int64) {
	fd := b.fdbg
	if fd == nil {
		return
	}
	b.debugFlush()
	key := "\x00custom:" + file
	d := b.dbg.files[key]
	if d == nil {
		d = &metadata.DIFile{MetadataID: -1, Filename: file, Directory: "."}
		b.addMD(d)
		b.dbg.files[key] = d
	}
	lbf := &metadata.DILexicalBlockFile{MetadataID: -1, Scope: fd.sp, File: d}
	b.addMD(lbf)
	loc := &metadata.DILocation{MetadataID: -1, Line: line, Scope: lbf}
	b.addMD(loc)
	fd.custom = loc
	fd.stack[len(fd.stack)-1] = loc
}
