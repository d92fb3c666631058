package lsp

import (
	"context"
	"encoding/json"
)

func (s *Server) definition(ctx context.Context, params json.RawMessage) (any, error) {
	return nil, nil
}
func (s *Server) completion(ctx context.Context, params json.RawMessage) (any, error) {
	return nil, nil
}
