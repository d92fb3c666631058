// This file implements Run: the interactive loop with line editing,
// history, multi-line input and completion.
package repl

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/chzyer/readline"

	"terrac/stdlib/terralib"
)

const (
	prompt         = "terra> "
	continuePrompt = "   ..> "
)

// HistoryFile is where input history persists: $TERRAC_HISTORY, else
// terrac/history under the user's cache directory ("" if there is none).
func HistoryFile() string {
	if p, ok := os.LookupEnv("TERRAC_HISTORY"); ok {
		return p
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "terrac", "history")
}

// prepareHistory creates the history file private to the user (0600).
func prepareHistory(path string) string {
	if path == "" {
		return ""
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return ""
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDONLY, 0o600)
	if err != nil {
		return ""
	}
	f.Close()
	if err := os.Chmod(path, 0o600); err != nil {
		return ""
	}
	return path
}

// Run reads and evaluates inputs until end of input (Ctrl-D).
func Run(rt *terralib.Runtime) error {
	s := NewSession(rt, os.Stdout)
	rl, err := readline.NewEx(&readline.Config{
		Prompt:          prompt,
		HistoryFile:     prepareHistory(HistoryFile()),
		AutoComplete:    completer{s},
		InterruptPrompt: "^C",
		EOFPrompt:       "",
	})
	if err != nil {
		return err
	}
	defer rl.Close()
	s.out = rl.Stdout()
	fmt.Fprintln(s.out, "terrac REPL: Lua and Terra; :help for commands, Ctrl-D to exit.")
	var buf strings.Builder
	for {
		line, err := rl.Readline()
		if errors.Is(err, readline.ErrInterrupt) {
			buf.Reset()
			rl.SetPrompt(prompt)
			continue
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if buf.Len() > 0 {
			buf.WriteByte('\n')
		}
		buf.WriteString(line)
		if s.Eval(buf.String()) {
			rl.SetPrompt(continuePrompt)
			continue
		}
		buf.Reset()
		rl.SetPrompt(prompt)
	}
}
