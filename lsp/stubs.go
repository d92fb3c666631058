package lsp

import (
	"context"
	"encoding/json"
)

func (s *Server) completion(ctx context.Context, params json.RawMessage) (any, error) {
	return nil, nil
}
