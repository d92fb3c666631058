// This file implements a minimal LSP client over pipes for the tests.
package lsp

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// client drives a Server over pipes, as an editor would.
type client struct {
	t      *testing.T
	in     io.WriteCloser // to the server
	nextID int
	msgs   chan *message
	log    *syncBuffer
	done   chan int
}

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// startServer starts a server and initializes it with options.
func startServer(t *testing.T, options any) *client {
	t.Helper()
	cr, cw := io.Pipe() // client to server
	sr, sw := io.Pipe() // server to client
	c := &client{t: t, in: cw, msgs: make(chan *message, 100), log: &syncBuffer{}, done: make(chan int, 1)}
	srv := NewServer(sw, c.log)
	go func() {
		c.done <- srv.Serve(cr)
		sw.Close()
	}()
	go func() {
		r := bufio.NewReader(sr)
		for {
			m, err := readMessage(r)
			if err != nil {
				close(c.msgs)
				return
			}
			c.msgs <- m
		}
	}()
	t.Cleanup(func() {
		c.request("shutdown", nil, nil)
		c.notify("exit", nil)
		cw.Close()
		select {
		case code := <-c.done:
			if code != 0 {
				t.Errorf("server exited with %d after shutdown", code)
			}
		case <-time.After(30 * time.Second):
			t.Errorf("server did not exit")
		}
	})
	var res struct {
		Capabilities map[string]any `json:"capabilities"`
	}
	c.request("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{},
		"initializationOptions": options}, &res)
	if res.Capabilities["hoverProvider"] != true {
		t.Fatalf("initialize: no hover capability in %v", res.Capabilities)
	}
	c.notify("initialized", map[string]any{})
	return c
}

func (c *client) send(m *message) {
	m.JSONRPC = "2.0"
	b, err := json.Marshal(m)
	if err != nil {
		c.t.Fatal(err)
	}
	if _, err := fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n%s", len(b), b); err != nil {
		c.t.Fatal(err)
	}
}

func (c *client) notify(method string, params any) {
	b, _ := json.Marshal(params)
	c.send(&message{Method: method, Params: b})
}

// waitFor returns the first message for which match is true, keeping
// the others for later waits in pending.
var pendingMu sync.Mutex

func (c *client) waitFor(what string, match func(*message) bool) *message {
	c.t.Helper()
	timeout := time.After(60 * time.Second)
	for {
		select {
		case m, ok := <-c.msgs:
			if !ok {
				c.t.Fatalf("server closed the stream while waiting for %s; log:\n%s", what, c.log.String())
			}
			if match(m) {
				return m
			}
		case <-timeout:
			c.t.Fatalf("no %s after 60 s; log:\n%s", what, c.log.String())
		}
	}
}

// request sends a request and decodes its result into out.
func (c *client) request(method string, params any, out any) *message {
	c.t.Helper()
	c.nextID++
	id := json.RawMessage(fmt.Sprint(c.nextID))
	b, _ := json.Marshal(params)
	c.send(&message{ID: &id, Method: method, Params: b})
	m := c.waitFor("reply to "+method, func(m *message) bool {
		return m.ID != nil && string(*m.ID) == string(id) && m.Method == ""
	})
	if m.Error != nil && out != nil {
		c.t.Fatalf("%s: error %d %s", method, m.Error.Code, m.Error.Message)
	}
	if out != nil {
		if err := json.Unmarshal(m.Result, out); err != nil {
			c.t.Fatalf("%s: %v in %s", method, err, m.Result)
		}
	}
	return m
}

// diagnostics waits for the diagnostics of uri at version.
func (c *client) diagnostics(uri string, version int) []diagnostic {
	c.t.Helper()
	var p publishDiagnosticsParams
	c.waitFor(fmt.Sprintf("diagnostics of %s version %d", uri, version), func(m *message) bool {
		if m.Method != "textDocument/publishDiagnostics" {
			return false
		}
		p = publishDiagnosticsParams{}
		json.Unmarshal(m.Params, &p)
		return p.URI == uri && p.Version != nil && *p.Version == version
	})
	return p.Diagnostics
}

// open copies testdata files into a temporary directory and opens name.
func (c *client) open(dir, name string) (uri, text string) {
	c.t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		c.t.Fatal(err)
	}
	uri = pathToURI(filepath.Join(dir, name))
	c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{
		URI: uri, LanguageID: "terra", Version: 1, Text: string(b)}})
	return uri, string(b)
}

// testdir copies the testdata files into a fresh directory.
func testdir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	ents, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join("testdata", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// at is the position of the n-th (from 0) occurrence of needle in text,
// plus delta bytes.
func at(t *testing.T, text, needle string, n, delta int) position {
	t.Helper()
	off := -1
	for i := 0; i <= n; i++ {
		j := strings.Index(text[off+1:], needle)
		if j < 0 {
			t.Fatalf("%q occurs fewer than %d times", needle, n+1)
		}
		off += 1 + j
	}
	return positionOf(text, off+delta)
}
