// This file implements textDocument/documentSymbol.
package lsp

import (
	"context"
	"encoding/json"
)

func (s *Server) documentSymbol(ctx context.Context, params json.RawMessage) (any, error) {
	var p documentSymbolParams
	if err := json.Unmarshal(params, &p); err != nil {
		return nil, &rpcError{codeInvalidParams, err.Error()}
	}
	d := s.document(p.TextDocument.URI)
	if d == nil {
		return []documentSymbol{}, nil
	}
	out := []documentSymbol{}
	for _, it := range parseText(d.path, d.text).outline() {
		out = append(out, toSymbol(it))
	}
	return out, nil
}

func toSymbol(it outlineItem) documentSymbol {
	ds := documentSymbol{Name: it.name, Detail: it.detail, Kind: it.kind,
		Range: spanRange(it.span), SelectionRange: spanRange(it.sel)}
	for _, f := range it.fields {
		ds.Children = append(ds.Children, toSymbol(f))
	}
	return ds
}

// document returns a copy of an open document, or nil.
func (s *Server) document(uri string) *document {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[uri]
	if d == nil {
		return nil
	}
	c := *d
	return &c
}
