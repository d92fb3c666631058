// Package lsp is terrac's language server (`terrac lsp`): diagnostics from
// the check mode (tools/checkmode), hover, go to definition, completion
// and document symbols, spoken over stdio with the Language Server
// Protocol.
//
// The JSON-RPC layer is our own (jsonrpc.go): the Go LSP libraries we
// looked at (github.com/tliron/glsp) bring in some twenty modules
// (logging, websockets, terminal colours) for what is here a few hundred
// lines.
//
// Every check runs in a fresh Lua state with the engine in verify-only
// mode, so opening a file never runs native code. Unless the workspace
// opts in to trust, the Lua stage also runs without io/os side effects,
// without terralib.saveobj and linklibrary, and with the image DSL's
// steps disabled (see safety.go).
package lsp
