// This file implements the debug-info pieces JIT modules need beyond those
// of saved objects: a subprogram for Lua-call wrappers (code inlined into a
// wrapper keeps its lines only if the wrapper has one) and frame pointers
// for backtraces of faults.
package lower

import (
	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/enum"
	"github.com/llir/llvm/ir/metadata"

	"terrac/compiler/tree"
)

// EnableFramePointers makes the functions lowered after this call keep a
// frame pointer, so a fault handler can walk their frames. It only has an
// effect together with EnableDebugInfo.
func (m *Module) EnableFramePointers() {
	if m.dbg != nil {
		m.dbg.framePointers = true
	}
}

// framePointer marks f to keep its frame pointer if asked to.
func (m *Module) framePointer(f *ir.Func) {
	if m.dbg != nil && m.dbg.framePointers {
		f.FuncAttrs = append(f.FuncAttrs, ir.AttrPair{Key: "frame-pointer", Value: "all"})
	}
}

// DebugWrapper gives the wrapper called name (made by AddWrapper for fn) an
// artificial subprogram named after fn, and fn's definition position on
// every instruction. Without debug info, or for a function without a
// definition, it does nothing.
func (m *Module) DebugWrapper(name string, fn *tree.Function) {
	f := m.byName[name]
	if m.dbg == nil || f == nil || fn == nil || fn.Def == nil || len(f.Blocks) == 0 {
		return
	}
	for _, a := range f.Metadata {
		if a.Name == "dbg" {
			return
		}
	}
	pos := fn.Def.Pos
	file := m.diFile(pos.File)
	var line, col int64
	if pos.File != nil {
		p := pos.Position()
		line, col = int64(p.Line), int64(p.Col)
	}
	sp := &metadata.DISubprogram{
		MetadataID:   -1,
		Distinct:     true,
		Scope:        file,
		Name:         fn.Name,
		LinkageName:  name,
		File:         file,
		Line:         line,
		Type:         m.dbg.subType,
		ScopeLine:    line,
		Flags:        enum.DIFlagPrototyped | enum.DIFlagArtificial,
		SPFlags:      enum.DISPFlagDefinition,
		Unit:         m.dbg.cu,
		IsDefinition: true,
	}
	m.addMD(sp)
	f.Metadata = append(f.Metadata, &metadata.Attachment{Name: "dbg", Node: sp})
	loc := &metadata.DILocation{MetadataID: -1, Line: line, Column: col, Scope: sp}
	m.addMD(loc)
	att := &metadata.Attachment{Name: "dbg", Node: loc}
	for _, blk := range f.Blocks {
		for _, inst := range blk.Insts {
			if md := instMetadata(inst); md != nil {
				*md = append(*md, att)
			}
		}
		if md := termMetadata(blk.Term); md != nil {
			*md = append(*md, att)
		}
	}
	m.framePointer(f)
}
