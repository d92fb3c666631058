// This file implements the server: the message loop, the lifecycle
// (initialize, shutdown, exit), document synchronization and the
// dispatch of requests to their handlers.
package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sync"
)

// Server is one language server session.
type Server struct {
	conn   *conn
	log    io.Writer
	worker *worker

	mu          sync.Mutex
	settings    settings
	docs        map[string]*document
	runs        map[string]context.CancelFunc // the latest check run per URI
	requests    map[string]context.CancelFunc // pending requests by ID
	initialized bool
	shutdown    bool
	published   map[string]map[string]bool // URIs each document published to
}

// NewServer makes a server that writes messages to out and logs to log.
func NewServer(out, log io.Writer) *Server {
	return &Server{
		conn:      &conn{w: out},
		log:       log,
		worker:    newWorker(),
		settings:  defaultSettings(),
		docs:      map[string]*document{},
		runs:      map[string]context.CancelFunc{},
		requests:  map[string]context.CancelFunc{},
		published: map[string]map[string]bool{},
	}
}

// Serve reads messages from in until the client sends exit or closes the
// stream. It returns the process exit status the protocol asks for: 0
// after shutdown, 1 otherwise.
func (s *Server) Serve(in io.Reader) int {
	r := bufio.NewReader(in)
	for {
		m, err := readMessage(r)
		if err != nil {
			if err != io.EOF {
				fmt.Fprintln(s.log, "terrac lsp:", err)
			}
			break
		}
		if m.Error != nil && m.Method == "" && m.ID == nil {
			s.conn.reply(nil, nil, m.Error)
			continue
		}
		if m.Method == "exit" {
			break
		}
		s.handle(m)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, cancel := range s.runs {
		cancel()
	}
	if s.shutdown {
		return 0
	}
	return 1
}

// handle dispatches one message. Notifications are handled in order on
// this goroutine; requests that need the worker are answered from their
// own goroutine, so the loop keeps reading (and can cancel them).
func (s *Server) handle(m *message) {
	if m.ID == nil {
		s.notification(m)
		return
	}
	s.mu.Lock()
	ready, down := s.initialized, s.shutdown
	s.mu.Unlock()
	switch {
	case m.Method == "initialize":
		s.conn.reply(m.ID, s.initialize(m.Params), nil)
		return
	case m.Method == "shutdown":
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		s.conn.reply(m.ID, nil, nil)
		return
	case !ready:
		s.conn.reply(m.ID, nil, &rpcError{codeNotInitialized, "the server is not initialized"})
		return
	case down:
		s.conn.reply(m.ID, nil, &rpcError{codeInvalidRequest, "the server is shutting down"})
		return
	}
	h, ok := handlers[m.Method]
	if !ok {
		s.conn.reply(m.ID, nil, &rpcError{codeMethodNotFound, "method not supported: " + m.Method})
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	key := string(*m.ID)
	s.mu.Lock()
	s.requests[key] = cancel
	s.mu.Unlock()
	go func() {
		defer func() {
			s.mu.Lock()
			delete(s.requests, key)
			s.mu.Unlock()
			cancel()
		}()
		var result any
		var err error
		s.worker.do(func() {
			if ctx.Err() != nil {
				err = &rpcError{codeRequestCancelled, "request cancelled"}
				return
			}
			result, err = h(s, ctx, m.Params)
		})
		s.conn.reply(m.ID, result, err)
	}()
}

// handlers answer requests on the worker goroutine.
var handlers = map[string]func(s *Server, ctx context.Context, params json.RawMessage) (any, error){
	"textDocument/hover":          (*Server).hover,
	"textDocument/definition":     (*Server).definition,
	"textDocument/completion":     (*Server).completion,
	"textDocument/documentSymbol": (*Server).documentSymbol,
}

func (s *Server) initialize(params json.RawMessage) any {
	var p struct {
		InitializationOptions json.RawMessage `json:"initializationOptions"`
	}
	json.Unmarshal(params, &p)
	s.mu.Lock()
	s.settings.update(p.InitializationOptions)
	s.initialized = true
	s.mu.Unlock()
	return map[string]any{
		"capabilities": map[string]any{
			"textDocumentSync": map[string]any{
				"openClose": true,
				"change":    2, // incremental
				"save":      map[string]any{"includeText": true},
			},
			"hoverProvider":          true,
			"definitionProvider":     true,
			"documentSymbolProvider": true,
			"completionProvider": map[string]any{
				"triggerCharacters": []string{".", ":"},
			},
		},
		"serverInfo": map[string]any{"name": "terrac"},
	}
}

func (s *Server) notification(m *message) {
	switch m.Method {
	case "textDocument/didOpen":
		var p didOpenParams
		if json.Unmarshal(m.Params, &p) == nil {
			d := &document{uri: p.TextDocument.URI, path: uriToPath(p.TextDocument.URI),
				version: p.TextDocument.Version, text: p.TextDocument.Text}
			s.mu.Lock()
			s.docs[d.uri] = d
			s.mu.Unlock()
			s.schedule(d.uri)
		}
	case "textDocument/didChange":
		var p didChangeParams
		if json.Unmarshal(m.Params, &p) == nil {
			s.mu.Lock()
			d := s.docs[p.TextDocument.URI]
			if d != nil {
				for _, c := range p.ContentChanges {
					d.text = applyChange(d.text, c)
				}
				d.version = p.TextDocument.Version
			}
			s.mu.Unlock()
			if d != nil {
				s.schedule(d.uri)
			}
		}
	case "textDocument/didSave":
		var p didSaveParams
		if json.Unmarshal(m.Params, &p) == nil {
			s.mu.Lock()
			d := s.docs[p.TextDocument.URI]
			if d != nil && p.Text != nil {
				d.text = *p.Text
			}
			s.mu.Unlock()
			if d != nil {
				s.schedule(d.uri)
			}
		}
	case "textDocument/didClose":
		var p didCloseParams
		if json.Unmarshal(m.Params, &p) == nil {
			uri := p.TextDocument.URI
			s.mu.Lock()
			delete(s.docs, uri)
			if cancel := s.runs[uri]; cancel != nil {
				cancel()
				delete(s.runs, uri)
			}
			s.mu.Unlock()
			s.worker.tasks <- func() {
				s.worker.closeAll(uri)
			}
			s.clearDiagnostics(uri)
		}
	case "workspace/didChangeConfiguration":
		var p struct {
			Settings json.RawMessage `json:"settings"`
		}
		if json.Unmarshal(m.Params, &p) == nil {
			s.mu.Lock()
			s.settings.update(p.Settings)
			uris := make([]string, 0, len(s.docs))
			for u := range s.docs {
				uris = append(uris, u)
			}
			s.mu.Unlock()
			for _, u := range uris {
				s.schedule(u)
			}
		}
	case "$/cancelRequest":
		var p struct {
			ID json.RawMessage `json:"id"`
		}
		if json.Unmarshal(m.Params, &p) == nil {
			s.mu.Lock()
			if cancel := s.requests[string(p.ID)]; cancel != nil {
				cancel()
			}
			s.mu.Unlock()
		}
	}
}

// schedule starts a check of the document's current version, cancelling
// the run of any older version.
func (s *Server) schedule(uri string) {
	s.mu.Lock()
	d := s.docs[uri]
	if d == nil {
		s.mu.Unlock()
		return
	}
	doc := *d
	set := s.settings
	if cancel := s.runs[uri]; cancel != nil {
		cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.runs[uri] = cancel
	s.mu.Unlock()
	s.worker.tasks <- func() {
		snap := s.worker.check(ctx, doc, set)
		if snap == nil {
			fmt.Fprintf(s.log, "terrac lsp: check of %s version %d cancelled\n", uri, doc.version)
			return
		}
		s.publish(snap)
	}
}
