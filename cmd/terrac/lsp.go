// This file implements `terrac lsp`: the language server over stdio.
package main

import (
	"fmt"
	"os"
	"syscall"

	"terrac/lsp"
)

const lspUsage = `usage: terrac lsp

Runs the language server on standard input and output (the Language
Server Protocol). See docs/editors.md for editor setup.
`

func runLSP(args []string) int {
	if len(args) > 0 {
		if args[0] == "-h" || args[0] == "--help" {
			fmt.Print(lspUsage)
			return 0
		}
		if args[0] != "--stdio" { // what some clients add
			fmt.Fprintf(os.Stderr, "terrac lsp: unknown argument %s\n%s", args[0], lspUsage)
			return 2
		}
	}
	// Standard output carries the protocol: move it to a fresh descriptor
	// and point descriptor 1 at stderr, so nothing a program's Lua stage
	// (or a C library) prints can corrupt a message.
	fd, err := syscall.Dup(1)
	if err != nil {
		fmt.Fprintln(os.Stderr, "terrac lsp:", err)
		return 1
	}
	if err := syscall.Dup2(2, 1); err != nil {
		fmt.Fprintln(os.Stderr, "terrac lsp:", err)
		return 1
	}
	out := os.NewFile(uintptr(fd), "lsp-stdout")
	return lsp.NewServer(out, os.Stderr).Serve(os.Stdin)
}
