// This file implements textDocument/hover: the Terra type of what is
// under the cursor in a checked function, else what the Lua name path
// there resolves to.
package lsp

import (
	"context"
	"encoding/json"
	"fmt"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
)

func (s *Server) hover(ctx context.Context, params json.RawMessage) (any, error) {
	var p textDocumentPositionParams
	if err := json.Unmarshal(params, &p); err != nil {
		return nil, &rpcError{codeInvalidParams, err.Error()}
	}
	snap := s.worker.snaps[p.TextDocument.URI]
	if snap == nil {
		return nil, nil
	}
	text := snap.doc.text
	off := offset(text, p.Position)
	if md, sp := terraHover(snap, off); md != "" {
		r := spanRange(sp)
		return hover{Contents: markupContent{Kind: "markdown", Value: md}, Range: &r}, nil
	}
	if snap.rt == nil {
		return nil, nil
	}
	path, start, end := pathAt(text, off)
	if path == "" {
		return nil, nil
	}
	v := resolvePath(snap.rt, path)
	if v == nil {
		return nil, nil
	}
	r := lspRange{Start: positionOf(text, start), End: positionOf(text, end)}
	return hover{Contents: markupContent{Kind: "markdown", Value: describe(snap.rt, path, v)}, Range: &r}, nil
}

// terraHover describes the checked node at off, or the function whose
// name is declared there.
func terraHover(snap *snapshot, off int) (string, source.Span) {
	path := snap.doc.path
	for _, fn := range snap.fns {
		if fn.Def == nil || !covers(fn.Def.Pos, path, off) {
			continue
		}
		// The name in the function's header.
		if sel := nameSpan(fn.Def.Pos.File, fn.Def.Pos.Start, fn.Def.Pos.End, fn.Name); covers(sel, path, off) && sel.Start < bodyStart(fn) {
			return describeFunction(fn.Name, fn), sel
		}
		// A parameter or local at its declaration.
		for sym, sp := range declarations(fn) {
			if covers(sp, path, off) && sym.VarType() != nil {
				return codeBlock("terra", fmt.Sprintf("var %s : %s", sym.Name, sym.VarType())), sp
			}
		}
	}
	n, _ := nodeAt(snap.fns, path, off)
	e, ok := n.(tree.Expr)
	if !ok {
		return "", source.Span{}
	}
	switch e := e.(type) {
	case *tree.Var:
		return codeBlock("terra", fmt.Sprintf("var %s : %s", e.Sym.Name, typeOr(e.Sym.VarType(), e.Type))), e.Pos
	case *tree.FuncRef:
		return describeFunction(e.Fn.Name, e.Fn), e.Pos
	case *tree.Select:
		owner := ""
		if e.X != nil && tree.TypeOf(e.X) != nil {
			owner = fmt.Sprintf(" (field of %s)", tree.TypeOf(e.X))
		}
		return codeBlock("terra", fmt.Sprintf("%s : %s", e.Name, e.Type)) + owner, e.Pos
	case *tree.GlobalRef:
		return codeBlock("terra", fmt.Sprintf("global : %s", e.Type)), e.Pos
	}
	if t := tree.TypeOf(e); t != nil {
		return codeBlock("terra", "expression : "+t.String()), e.Span()
	}
	return "", source.Span{}
}

func typeOr(a, b *types.Type) *types.Type {
	if a != nil {
		return a
	}
	return b
}

// bodyStart is where the function's body starts (its header ends), or
// the end of its definition when it has none.
func bodyStart(fn *tree.Function) source.Pos {
	if fn.Def.Body != nil && fn.Def.Body.Pos.File != nil && fn.Def.Body.Pos.Start > fn.Def.Pos.Start {
		return fn.Def.Body.Pos.Start
	}
	return fn.Def.Pos.End
}
