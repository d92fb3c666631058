// Package grubcfg parses GRUB configuration files (grub.cfg) into a tree of
// commands and blocks that can be edited and printed back. Everything the
// edits do not touch (comments, blank lines, indentation, quoting, if/else
// blocks, functions) prints back byte for byte: each node keeps the source
// text around it, and only nodes that were changed are re-rendered.
//
// The grammar is small: commands are words separated by blanks, ended by a
// newline or ';'; blocks are menuentry/submenu/function { ... }, if ... fi
// and for/while/until ... done. Words are GRUB script words: bare text,
// '...', "..." with backslash escapes, ${var} and backslash escapes.
package grubcfg

import (
	"errors"
	"fmt"
	"strings"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// The lexer keeps every byte of the input in some token; blanks, line
// continuations and comments are elided from the grammar but their text
// stays in the gaps between nodes.
var grubLexer = lexer.MustSimple([]lexer.SimpleRule{
	{Name: "Cont", Pattern: `\\\r?\n`},
	{Name: "Comment", Pattern: `#[^\n]*`},
	{Name: "Space", Pattern: `[ \t\r\f\v]+`},
	{Name: "NL", Pattern: `\n`},
	{Name: "Semi", Pattern: `;`},
	{Name: "LBrace", Pattern: `\{`},
	{Name: "RBrace", Pattern: `\}`},
	// A word is one or more parts: ${...}, '...', "..." (with escapes), a
	// backslash escape, or a plain character. '#' starts a comment only at
	// the start of a word.
	{Name: "Word", Pattern: `(?:\$\{[^}\n]*\}|'[^']*'|"(?:[^"\\]|\\(?s:.))*"|\\(?s:.)|[^\s;{}'"\\#])` +
		`(?:\$\{[^}\n]*\}|'[^']*'|"(?:[^"\\]|\\(?s:.))*"|\\(?s:.)|[^\s;{}'"\\])*`},
})

// The participle grammar. Pos and EndPos give each node's byte span.

type pWord struct {
	Pos    lexer.Position
	EndPos lexer.Position
	Text   string `parser:"@Word"`
}

type pOpen struct {
	Pos    lexer.Position
	EndPos lexer.Position
	Text   string `parser:"@LBrace"`
}

type pClose struct {
	Pos    lexer.Position
	EndPos lexer.Position
	Text   string `parser:"@RBrace"`
}

type pBody struct {
	Stmts []*pStmt `parser:"( NL | Semi | @@ )*"`
}

type pStmt struct {
	Pos    lexer.Position
	EndPos lexer.Position
	If     *pIf   `parser:"  @@"`
	Loop   *pLoop `parser:"| @@"`
	Func   *pFunc `parser:"| @@"`
	Cmd    *pCmd  `parser:"| @@"`
}

type pIf struct {
	Cond  *pBody   `parser:"'if' @@ 'then'"`
	Then  *pBody   `parser:"@@"`
	Elifs []*pElif `parser:"@@*"`
	Else  *pBody   `parser:"( 'else' @@ )? 'fi'"`
}

type pElif struct {
	Cond *pBody `parser:"'elif' @@ 'then'"`
	Then *pBody `parser:"@@"`
}

type pLoop struct {
	Kind string `parser:"@('for' | 'while' | 'until')"`
	Head *pBody `parser:"@@ 'do'"`
	Body *pBody `parser:"@@ 'done'"`
}

type pFunc struct {
	Name  *pWord  `parser:"'function' @@"`
	Open  *pOpen  `parser:"@@"`
	Body  *pBody  `parser:"@@"`
	Close *pClose `parser:"@@"`
}

// A command may end with a block argument, { ... }: menuentry and submenu
// do, and so may any command (GRUB's block arguments).
type pCmd struct {
	Words []*pWord `parser:"(?! ('then' | 'elif' | 'else' | 'fi' | 'do' | 'done' | 'if' | 'for' | 'while' | 'until' | 'function')) @@+"`
	Block *pBlock  `parser:"@@?"`
}

type pBlock struct {
	Open  *pOpen  `parser:"@@"`
	Body  *pBody  `parser:"@@"`
	Close *pClose `parser:"@@"`
}

var parser = participle.MustBuild[pBody](
	participle.Lexer(grubLexer),
	participle.Elide("Cont", "Comment", "Space"),
	participle.UseLookahead(2),
)

// Kind says what a node is.
type Kind string

const (
	KindFile     Kind = "file"
	KindCommand  Kind = "command"
	KindEntry    Kind = "menuentry"
	KindSubmenu  Kind = "submenu"
	KindIf       Kind = "if"
	KindLoop     Kind = "loop"
	KindFunction Kind = "function"
	KindBlock    Kind = "block" // another command with a block argument
)

// A word of a command or block header: its raw text (with quotes) and its
// byte span within the node's Raw or Head text.
type Word struct {
	Raw        string
	Start, End int
}

// Node is a command or a block. Print(n) is n.Pre followed by, for a
// command, n.Raw, and for a block, n.Head, the children and n.Tail.
type Node struct {
	Kind     Kind
	Pre      string // text between the previous sibling (or the parent's head) and this node
	Raw      string // a command's text
	Head     string // a block's text before its first child (menuentry ... {)
	Words    []Word // a command's words (in Raw) or an entry's header words (in Head)
	Children []*Node
	Tail     string // a block's text after its last child (up to and including "}" or "fi")
	Parent   *Node
}

// Doc is a parsed file.
type Doc struct {
	Name string
	Root *Node
}

// Error is a parse error at a position of the file.
type Error struct {
	Name      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d:%d: %s", e.Name, e.Line, e.Col, e.Msg) }

// Parse parses src; name is used in error messages.
func Parse(name, src string) (*Doc, error) {
	body, err := parser.ParseString(name, src)
	if err != nil {
		var perr participle.Error
		if errors.As(err, &perr) {
			pos := perr.Position()
			return nil, &Error{Name: name, Line: pos.Line, Col: pos.Column, Msg: cleanMessage(strings.TrimPrefix(perr.Message(), "lexer: "))}
		}
		return nil, err
	}
	b := &builder{src: src}
	root := &Node{Kind: KindFile}
	end := b.body(root, body.Stmts, 0)
	root.Tail = src[end:]
	return &Doc{Name: name, Root: root}, nil
}

// cleanMessage rewords participle's messages for people who write
// grub.cfg rather than grammars.
func cleanMessage(m string) string {
	m = strings.ReplaceAll(m, `"<EOF>"`, "end of file")
	m = strings.ReplaceAll(m, "expected PClose", `expected "}"`)
	m = strings.ReplaceAll(m, "expected POpen", `expected "{"`)
	m = strings.ReplaceAll(m, "invalid input text", "unterminated quote or stray character near")
	return m
}

type builder struct{ src string }

// body adds stmts as children of parent; pos is where the text before the
// first child starts. It returns the end of the last child (or pos).
func (b *builder) body(parent *Node, stmts []*pStmt, pos int) int {
	for _, s := range stmts {
		n := b.stmt(s)
		n.Pre = b.src[pos:s.Pos.Offset]
		n.Parent = parent
		parent.Children = append(parent.Children, n)
		pos = s.EndPos.Offset
	}
	return pos
}

func (b *builder) words(ws []*pWord, base int) []Word {
	out := make([]Word, len(ws))
	for i, w := range ws {
		out[i] = Word{Raw: w.Text, Start: w.Pos.Offset - base, End: w.EndPos.Offset - base}
	}
	return out
}

func (b *builder) stmt(s *pStmt) *Node {
	start, end := s.Pos.Offset, s.EndPos.Offset
	switch {
	case s.Cmd != nil && s.Cmd.Block == nil:
		return &Node{Kind: KindCommand, Raw: b.src[start:end], Words: b.words(s.Cmd.Words, start)}
	case s.Cmd != nil:
		kind := KindBlock
		switch s.Cmd.Words[0].Text {
		case "menuentry":
			kind = KindEntry
		case "submenu":
			kind = KindSubmenu
		}
		blk := s.Cmd.Block
		open := blk.Open.EndPos.Offset
		n := &Node{Kind: kind, Head: b.src[start:open], Words: b.words(s.Cmd.Words, start)}
		last := b.body(n, blk.Body.Stmts, open)
		n.Tail = b.src[last:end]
		return n
	case s.Func != nil:
		open := s.Func.Open.EndPos.Offset
		n := &Node{Kind: KindFunction, Head: b.src[start:open], Words: b.words([]*pWord{s.Func.Name}, start)}
		last := b.body(n, s.Func.Body.Stmts, open)
		n.Tail = b.src[last:end]
		return n
	default:
		// if and loops: the children are the statements of every part, in
		// order; the keywords between them are part of the gaps.
		n := &Node{Kind: KindIf}
		var stmts []*pStmt
		if s.If != nil {
			stmts = append(stmts, s.If.Cond.Stmts...)
			stmts = append(stmts, s.If.Then.Stmts...)
			for _, e := range s.If.Elifs {
				stmts = append(stmts, e.Cond.Stmts...)
				stmts = append(stmts, e.Then.Stmts...)
			}
			if s.If.Else != nil {
				stmts = append(stmts, s.If.Else.Stmts...)
			}
		} else if s.Loop != nil {
			n.Kind = KindLoop
			stmts = append(append(stmts, s.Loop.Head.Stmts...), s.Loop.Body.Stmts...)
		}
		last := b.body(n, stmts, start)
		n.Tail = b.src[last:end]
		return n
	}
}

// Text prints the document.
func (d *Doc) Text() string {
	var sb strings.Builder
	d.Root.print(&sb)
	return sb.String()
}

func (n *Node) print(sb *strings.Builder) {
	sb.WriteString(n.Pre)
	if n.Kind == KindCommand {
		sb.WriteString(n.Raw)
		return
	}
	sb.WriteString(n.Head)
	for _, c := range n.Children {
		c.print(sb)
	}
	sb.WriteString(n.Tail)
}

// Text prints one node without the text before it.
func (n *Node) Text() string {
	var sb strings.Builder
	pre := n.Pre
	n.Pre = ""
	n.print(&sb)
	n.Pre = pre
	return sb.String()
}

// Copy returns a deep copy of n with no parent.
func (n *Node) Copy() *Node {
	c := *n
	c.Parent = nil
	c.Words = append([]Word(nil), n.Words...)
	c.Children = make([]*Node, len(n.Children))
	for i, ch := range n.Children {
		cc := ch.Copy()
		cc.Parent = &c
		c.Children[i] = cc
	}
	return &c
}

// Name is a command's first word, unquoted.
func (n *Node) Name() string {
	if len(n.Words) == 0 {
		return ""
	}
	return Unquote(n.Words[0].Raw)
}

// Args are a command's words after the first, unquoted.
func (n *Node) Args() []string {
	var out []string
	for _, w := range n.Words[min(1, len(n.Words)):] {
		out = append(out, Unquote(w.Raw))
	}
	return out
}

// IsEntry reports whether n is a menuentry or a submenu.
func (n *Node) IsEntry() bool { return n.Kind == KindEntry || n.Kind == KindSubmenu }

// Title is an entry's title (its first argument), unquoted.
func (n *Node) Title() string {
	if len(n.Words) < 2 {
		return ""
	}
	return Unquote(n.Words[1].Raw)
}

// ID is the value of an entry's --id or $menuentry_id_option option.
func (n *Node) ID() string {
	if i := n.idWord(); i > 0 {
		return Unquote(n.Words[i].Raw)
	}
	return ""
}

func (n *Node) idWord() int {
	for i := 2; i+1 < len(n.Words); i++ {
		switch n.Words[i].Raw {
		case "--id", "$menuentry_id_option", "${menuentry_id_option}":
			return i + 1
		}
	}
	return -1
}

// spliceWords replaces words [from, to) of n with raw words (already
// quoted), keeping the text before the first and after the last one. With
// from == len(words), the words are appended after a space.
func (n *Node) spliceWords(from, to int, raw []string) {
	text := &n.Raw
	if n.Kind != KindCommand {
		text = &n.Head
	}
	s := *text
	var start, end int
	switch {
	case from < to:
		start, end = n.Words[from].Start, n.Words[to-1].End
	case from < len(n.Words):
		start, end = n.Words[from].Start, n.Words[from].Start
	default:
		start, end = n.Words[len(n.Words)-1].End, n.Words[len(n.Words)-1].End
	}
	joined := strings.Join(raw, " ")
	// keep one blank between the new words and their neighbours
	if len(raw) > 0 && from >= len(n.Words) {
		joined = " " + joined
	} else if len(raw) > 0 && from < to && to < len(n.Words) {
		// the gap after the old words is kept
	} else if len(raw) > 0 && from == to && from < len(n.Words) {
		joined += " "
	} else if len(raw) == 0 && from < to && from > 0 {
		// removing trailing words: drop the blanks before them too
		start = n.Words[from-1].End
	}
	*text = s[:start] + joined + s[end:]
	// re-index the words
	var ws []Word
	for i := 0; i < from && i < len(n.Words); i++ {
		ws = append(ws, n.Words[i])
	}
	pos := start
	if strings.HasPrefix(joined, " ") {
		pos++
	}
	for _, r := range raw {
		ws = append(ws, Word{Raw: r, Start: pos, End: pos + len(r)})
		pos += len(r) + 1
	}
	shift := len(joined) - (end - start)
	for i := to; i < len(n.Words); i++ {
		w := n.Words[i]
		w.Start += shift
		w.End += shift
		ws = append(ws, w)
	}
	n.Words = ws
}

// SetTitle changes an entry's title.
func (n *Node) SetTitle(title string) {
	n.spliceWords(1, min(2, len(n.Words)), []string{QuoteAlways(title)})
}

// SetID changes (or adds, as --id) an entry's id.
func (n *Node) SetID(id string) {
	if i := n.idWord(); i > 0 {
		n.spliceWords(i, i+1, []string{QuoteAlways(id)})
		return
	}
	n.spliceWords(2, 2, []string{"--id", QuoteAlways(id)})
}

// Walk calls f on every node below n, depth first, in order; when f
// returns false the node's children are skipped.
func (n *Node) Walk(f func(*Node) bool) {
	for _, c := range n.Children {
		if f(c) {
			c.Walk(f)
		}
	}
}

// Entries lists the menuentries and submenus of the document in order.
func (d *Doc) Entries() []*Node {
	var out []*Node
	d.Root.Walk(func(n *Node) bool {
		if n.IsEntry() {
			out = append(out, n)
		}
		return n.Kind != KindEntry
	})
	return out
}

// Find returns the first entry whose title or id is key. A key with '>'
// names a path through submenus, as GRUB_DEFAULT does ("Advanced options
// for Debian GNU/Linux>Debian GNU/Linux, with Linux 6.1.0-13-amd64").
func (d *Doc) Find(key string) *Node {
	if n := find(d.Root, key, false); n != nil {
		return n
	}
	if !strings.Contains(key, ">") {
		return nil
	}
	parts := strings.Split(key, ">")
	cur := d.Root
	for i, p := range parts {
		cur = find(cur, p, true)
		if cur == nil || i < len(parts)-1 && cur.Kind != KindSubmenu {
			return nil
		}
	}
	return cur
}

// find looks for the first entry named key below n, in document order:
// at any depth, or, when direct is set, not inside nested submenus (a step
// of a "A>B" path). Entries are never searched inside menuentries.
func find(n *Node, key string, direct bool) *Node {
	var found *Node
	n.Walk(func(c *Node) bool {
		if found != nil {
			return false
		}
		if c.IsEntry() && key != "" && (c.Title() == key || c.ID() == key) {
			found = c
			return false
		}
		switch c.Kind {
		case KindEntry:
			return false
		case KindSubmenu:
			return !direct
		}
		return true
	})
	return found
}

// kernelNames are the commands that load a Linux kernel.
var kernelNames = []string{"linux", "linuxefi", "linux16"}
var initrdNames = []string{"initrd", "initrdefi", "initrd16"}

func (n *Node) firstOf(names []string) *Node {
	var found *Node
	n.Walk(func(c *Node) bool {
		if found != nil {
			return false
		}
		if c.Kind == KindCommand {
			for _, k := range names {
				if c.Name() == k {
					found = c
				}
			}
		}
		return !c.IsEntry()
	})
	return found
}

// KernelLine and InitrdLine are an entry's first linux and initrd commands.
func (n *Node) KernelLine() *Node { return n.firstOf(kernelNames) }
func (n *Node) InitrdLine() *Node { return n.firstOf(initrdNames) }

// SetKernel replaces the kernel path of a linux command.
func (c *Node) SetKernel(path string) {
	if len(c.Words) < 2 {
		c.spliceWords(1, 1, []string{Quote(path)})
		return
	}
	c.spliceWords(1, 2, []string{Quote(path)})
}

// KernelArgs is the kernel command line of a linux command: the words
// after the path, unquoted and joined by blanks.
func (c *Node) KernelArgs() string {
	args := c.Args()
	if len(args) <= 1 {
		return ""
	}
	return strings.Join(args[1:], " ")
}

// SetKernelArgs replaces the words after the kernel path with the
// arguments of cmdline (split at blanks outside double quotes, the
// kernel's own syntax), each quoted for GRUB when it needs it.
func (c *Node) SetKernelArgs(cmdline string) {
	var raw []string
	for _, a := range SplitCmdline(cmdline) {
		raw = append(raw, QuoteArg(a))
	}
	if len(c.Words) < 2 {
		c.spliceWords(1, 1, []string{"''"})
	}
	c.spliceWords(2, len(c.Words), raw)
}

// NewCommand makes a command from a name and its arguments (quoted here).
func NewCommand(name string, args []string) *Node {
	n := &Node{Kind: KindCommand, Raw: name, Words: []Word{{Raw: name, Start: 0, End: len(name)}}}
	n.SetArgs(args)
	return n
}

// SetArgs replaces all the words after a command's name.
func (c *Node) SetArgs(args []string) {
	raw := make([]string, len(args))
	for i, a := range args {
		raw[i] = Quote(a)
	}
	c.spliceWords(1, len(c.Words), raw)
}

// Insert puts n (which must have no parent) into parent before index i.
// The text before the child that was at i (a comment, say) stays with it;
// n gets a newline and its neighbour's indentation.
func (parent *Node) Insert(i int, n *Node) {
	var indent string
	switch {
	case i < len(parent.Children):
		indent = lastLine(parent.Children[i].Pre)
	case len(parent.Children) > 0:
		indent = lastLine(parent.Children[len(parent.Children)-1].Pre)
	default:
		indent = lastLine(parent.Tail)
		if parent.Kind != KindFile {
			indent += "\t"
		}
	}
	if old := lastLine(n.Pre); old != indent && strings.HasPrefix(indent, old) || strings.HasPrefix(old, indent) {
		n.reindent(old, indent)
	}
	n.Pre = "\n" + indent
	if i == 0 && parent.Kind == KindFile {
		// at the top of the file: no blank line before, one newline after
		n.Pre = ""
		if len(parent.Children) > 0 {
			if c := parent.Children[0]; !strings.HasPrefix(c.Pre, "\n") {
				c.Pre = "\n" + c.Pre
			}
		} else if !strings.HasPrefix(parent.Tail, "\n") {
			parent.Tail = "\n" + parent.Tail
		}
	}
	n.Parent = parent
	parent.Children = append(parent.Children, nil)
	copy(parent.Children[i+1:], parent.Children[i:])
	parent.Children[i] = n
}

// reindent changes the indentation of the lines inside n from old to
// new (in the text between nodes only, never inside a command's words).
func (n *Node) reindent(old, new string) {
	for _, c := range n.Children {
		c.Pre = strings.ReplaceAll(c.Pre, "\n"+old, "\n"+new)
		c.reindent(old, new)
	}
	n.Tail = strings.ReplaceAll(n.Tail, "\n"+old, "\n"+new)
}

// Index is n's position among its parent's children, or -1.
func (n *Node) Index() int {
	if n.Parent == nil {
		return -1
	}
	for i, c := range n.Parent.Children {
		if c == n {
			return i
		}
	}
	return -1
}

// Remove takes n out of its parent; the text before it goes with it.
func (n *Node) Remove() {
	i := n.Index()
	if i < 0 {
		return
	}
	p := n.Parent
	p.Children = append(p.Children[:i], p.Children[i+1:]...)
	n.Parent = nil
}

// lastLine is the blank text after the last newline of s (an indentation).
func lastLine(s string) string {
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	return s[:len(s)-len(strings.TrimLeft(s, " \t"))]
}

// SetVar sets every `set NAME=...` or `NAME=...` command whose value is a
// literal to value and returns how many there were; with none, it adds one at the top.
// Assignments from variables (set default="${next_entry}") are GRUB's own
// logic and are left alone.
func (d *Doc) SetVar(name, value string) int {
	count := 0
	// the word holding NAME=VALUE: `set NAME=VALUE` or a bare `NAME=VALUE`
	assign := func(c *Node) int {
		i := -1
		switch {
		case c.Kind != KindCommand:
		case len(c.Words) == 2 && c.Name() == "set":
			i = 1
		case len(c.Words) == 1:
			i = 0
		}
		if i < 0 || strings.Contains(c.Words[i].Raw, "$") {
			return -1
		}
		if k, _, ok := strings.Cut(Unquote(c.Words[i].Raw), "="); !ok || k != name {
			return -1
		}
		return i
	}
	d.Root.Walk(func(c *Node) bool {
		if i := assign(c); i >= 0 {
			c.spliceWords(i, i+1, []string{name + "=" + Quote(value)})
			count++
		}
		return true
	})
	if count == 0 {
		n := NewCommand("set", nil)
		n.spliceWords(1, 1, []string{name + "=" + Quote(value)})
		d.Root.Insert(0, n)
	}
	return count
}
