// This file implements the remote backend: an HTTP cache speaking the
// Bazel remote-cache protocol (bazel-remote, nginx with WebDAV, ...).
//
//	GET/PUT <base>/cas/<sha256 of the bytes>   content
//	GET/PUT <base>/ac/<sha256 of our key>      the content's digest, in hex
//
// The action-cache body is ours (bazel-remote must run with
// --disable_http_ac_validation). Content is checked against its digest on
// the way in, so a damaged or wrong answer is a miss. The remote is an
// accelerator only: the first failure to reach it is reported once on
// stderr and the remote is skipped for the rest of the process.

package cache

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// maxRemoteEntry bounds what a GET reads, against a confused server.
const maxRemoteEntry = 1 << 30

// Remote is a remote cache at an HTTP base URL.
type Remote struct {
	base     string
	header   [2]string // optional "Name", "value"
	readOnly bool
	client   *http.Client
	// Stderr receives the one-line report of a failing remote
	// (os.Stderr unless a test sets it).
	Stderr io.Writer

	dead    atomic.Bool
	warned  sync.Once
	pending sync.WaitGroup
	slots   chan struct{} // bounds concurrent uploads
}

// RemoteOptions configure NewRemote.
type RemoteOptions struct {
	Header   string        // "Name: value", sent with every request
	ReadOnly bool          // never upload
	Timeout  time.Duration // per request; 0 means 2 s
}

// NewRemote returns the remote cache at base (http://host:port/prefix).
func NewRemote(base string, o RemoteOptions) *Remote {
	if o.Timeout <= 0 {
		o.Timeout = 2 * time.Second
	}
	r := &Remote{
		base:     strings.TrimRight(base, "/"),
		readOnly: o.ReadOnly,
		Stderr:   os.Stderr,
		slots:    make(chan struct{}, 4),
	}
	if name, val, ok := strings.Cut(o.Header, ":"); ok && strings.TrimSpace(name) != "" {
		r.header = [2]string{strings.TrimSpace(name), strings.TrimSpace(val)}
	}
	// A short connect timeout makes a dead host cost little; the request
	// timeout bounds a server that accepts and then hangs.
	dialer := &net.Dialer{Timeout: 500 * time.Millisecond}
	r.client = &http.Client{
		Timeout: o.Timeout,
		Transport: &http.Transport{
			Proxy:               http.ProxyFromEnvironment,
			DialContext:         dialer.DialContext,
			MaxIdleConnsPerHost: 8,
			IdleConnTimeout:     30 * time.Second,
		},
	}
	return r
}

// RemoteFromEnv reads TERRAC_REMOTE_CACHE (the base URL),
// TERRAC_REMOTE_CACHE_HEADER ("Name: value") and
// TERRAC_REMOTE_CACHE_READONLY (1 or true: download only). It returns nil
// when no remote is configured.
func RemoteFromEnv() *Remote {
	base := os.Getenv("TERRAC_REMOTE_CACHE")
	if base == "" {
		return nil
	}
	ro := os.Getenv("TERRAC_REMOTE_CACHE_READONLY")
	return NewRemote(base, RemoteOptions{
		Header:   os.Getenv("TERRAC_REMOTE_CACHE_HEADER"),
		ReadOnly: ro == "1" || strings.EqualFold(ro, "true") || strings.EqualFold(ro, "yes"),
	})
}

// acPath names the action-cache entry of kind/key: the kinds share one
// remote namespace, so the kind is part of what is hashed.
func acPath(kind string, key Key) string {
	k := NewKey("terrac-ac", kind, key.String())
	return "/ac/" + k.String()
}

// fail reports the remote's first failure and turns it off.
func (r *Remote) fail(op string, err error) {
	r.dead.Store(true)
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // the URL is in the report already
	}
	r.warned.Do(func() {
		fmt.Fprintf(r.Stderr, "terrac: remote cache %s: %s: %v (not used for the rest of this run)\n", r.base, op, err)
	})
}

func (r *Remote) do(method, path string, body []byte) (*http.Response, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(context.Background(), method, r.base+path, rd)
	if err != nil {
		return nil, err
	}
	if body != nil {
		req.ContentLength = int64(len(body))
	}
	if r.header[0] != "" {
		req.Header.Set(r.header[0], r.header[1])
	}
	return r.client.Do(req)
}

// getBody fetches path; ok is false on a miss. A transport error or a
// server error marks the remote dead.
func (r *Remote) getBody(path string) ([]byte, bool) {
	resp, err := r.do(http.MethodGet, path, nil)
	if err != nil {
		r.fail("GET "+path, err)
		return nil, false
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusOK:
	case resp.StatusCode == http.StatusNotFound:
		return nil, false
	default:
		r.fail("GET "+path, fmt.Errorf("%s", resp.Status))
		return nil, false
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxRemoteEntry))
	if err != nil {
		r.fail("GET "+path, err)
		return nil, false
	}
	return b, true
}

// get looks kind/key up: the action cache names the content digest, and
// the content must hash to it.
func (r *Remote) get(kind string, key Key) ([]byte, bool) {
	if r.dead.Load() {
		return nil, false
	}
	ac, ok := r.getBody(acPath(kind, key))
	if !ok {
		return nil, false
	}
	want, ok := ParseKey(strings.TrimSpace(string(ac)))
	if !ok {
		return nil, false
	}
	b, ok := r.getBody("/cas/" + want.String())
	if !ok {
		return nil, false
	}
	if sha256.Sum256(b) != want {
		return nil, false
	}
	return b, true
}

// put uploads kind/key in the background: content first, then the
// mapping, so a reader never finds a mapping to missing content.
func (r *Remote) put(kind string, key Key, payload []byte) {
	if r.readOnly || r.dead.Load() {
		return
	}
	r.pending.Add(1)
	go func() {
		defer r.pending.Done()
		r.slots <- struct{}{}
		defer func() { <-r.slots }()
		sum := sha256.Sum256(payload)
		digest := hex.EncodeToString(sum[:])
		if !r.putBody("/cas/"+digest, payload) {
			return
		}
		r.putBody(acPath(kind, key), []byte(digest))
	}()
}

func (r *Remote) putBody(path string, body []byte) bool {
	if r.dead.Load() {
		return false
	}
	resp, err := r.do(http.MethodPut, path, body)
	if err != nil {
		r.fail("PUT "+path, err)
		return false
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		r.fail("PUT "+path, fmt.Errorf("%s", resp.Status))
		return false
	}
	return true
}

// flush waits for the uploads started so far, at most timeout.
func (r *Remote) flush(timeout time.Duration) {
	done := make(chan struct{})
	go func() {
		r.pending.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(timeout):
	}
}
