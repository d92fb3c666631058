// This file implements the Scanner: whitespace, comments, names, strings,
// numbers and operators.
package scan

import (
	"strings"

	"terrac/lang/source"
)

// ErrorHandler receives lexical errors. msg is complete, in Lua's style
// ("unfinished string near '\"abc'").
type ErrorHandler func(pos source.Pos, msg string)

// Info describes one token.
type Info struct {
	Tok      Token
	Pos, End source.Pos // byte range of the token text
	Line     int        // 1-based line where the token starts
	EndLine  int        // line where it ends (long strings span lines)
	Lit      string     // Name: the name; String: the unescaped value; Number, Illegal: raw text
	Num      NumValue   // Number only
	BadNum   bool       // Number whose text is malformed (already reported)
}

// Scanner turns a file into tokens on demand.
type Scanner struct {
	Info                   // the current token
	PrevEndLine int        // line on which the previous token ended
	PrevEnd     source.Pos // end offset of the previous token

	file  *source.File
	src   []byte
	errh  ErrorHandler
	off   int
	line  int
	ahead *Info
	buf   strings.Builder
	// plainLua makes Terra's reserved words ordinary names, for .lua
	// files that Lua 5.1 must read as it always has.
	plainLua bool
}

// New returns a scanner positioned on the first token of f. A first line
// starting with '#' (a shebang) is skipped.
func New(f *source.File, errh ErrorHandler) *Scanner {
	return newScanner(f, errh, false)
}

// NewPlainLua is New for plain Lua 5.1 source: `terra`, `quote`, `escape`
// and Terra's other reserved words scan as names.
func NewPlainLua(f *source.File, errh ErrorHandler) *Scanner {
	return newScanner(f, errh, true)
}

func newScanner(f *source.File, errh ErrorHandler, plainLua bool) *Scanner {
	s := &Scanner{file: f, src: f.Content, errh: errh, line: 1, plainLua: plainLua}
	if len(s.src) > 0 && s.src[0] == '#' {
		for s.off < len(s.src) && s.src[s.off] != '\n' && s.src[s.off] != '\r' {
			s.off++
		}
	}
	s.scan(&s.Info)
	s.PrevEndLine = s.Line
	return s
}

// File returns the file being scanned.
func (s *Scanner) File() *source.File { return s.file }

// Next advances to the next token.
func (s *Scanner) Next() {
	s.PrevEndLine = s.EndLine
	s.PrevEnd = s.End
	if s.ahead != nil {
		s.Info = *s.ahead
		s.ahead = nil
		return
	}
	s.scan(&s.Info)
}

// Peek returns the token after the current one without consuming it.
func (s *Scanner) Peek() Info {
	if s.ahead == nil {
		s.ahead = new(Info)
		s.scan(s.ahead)
	}
	return *s.ahead
}

// Raw returns the source text of the current token, for messages.
func (s *Scanner) Raw() string {
	if s.Tok == EOF {
		return "<eof>"
	}
	return string(s.src[s.Pos:s.End])
}

func (s *Scanner) error(pos int, msg string) {
	if s.errh != nil {
		s.errh(source.Pos(pos), msg)
	}
}

func (s *Scanner) errorNear(start int, msg string) {
	near := string(s.src[start:s.off])
	if s.off >= len(s.src) && near == "" {
		near = "<eof>"
	}
	s.error(start, msg+" near '"+near+"'")
}

func (s *Scanner) peekc(k int) byte {
	if s.off+k < len(s.src) {
		return s.src[s.off+k]
	}
	return 0
}

// newline consumes one line ending (\n, \r, \r\n or \n\r) at s.off.
func (s *Scanner) newline() {
	c := s.src[s.off]
	s.off++
	if s.off < len(s.src) && (s.src[s.off] == '\n' || s.src[s.off] == '\r') && s.src[s.off] != c {
		s.off++
	}
	s.line++
}

func (s *Scanner) skipSpace() {
	for s.off < len(s.src) {
		switch c := s.src[s.off]; c {
		case '\n', '\r':
			s.newline()
		case ' ', '\t', '\v', '\f':
			s.off++
		case '-':
			if s.peekc(1) != '-' {
				return
			}
			start := s.off
			s.off += 2
			if s.off < len(s.src) && s.src[s.off] == '[' {
				if level, ok := s.longOpen(); ok {
					s.longString(start, level, true)
					continue
				}
			}
			for s.off < len(s.src) && s.src[s.off] != '\n' && s.src[s.off] != '\r' {
				s.off++
			}
		default:
			return
		}
	}
}

func (s *Scanner) scan(t *Info) {
	s.skipSpace()
	*t = Info{Pos: source.Pos(s.off), Line: s.line}
	defer func() {
		t.End = source.Pos(s.off)
		t.EndLine = s.line
	}()
	if s.off >= len(s.src) {
		t.Tok = EOF
		return
	}
	start := s.off
	c := s.src[s.off]
	switch {
	case isLetter(c):
		for s.off < len(s.src) && (isLetter(s.src[s.off]) || isDigit(s.src[s.off])) {
			s.off++
		}
		t.Lit = string(s.src[start:s.off])
		t.Tok = Keyword(t.Lit)
		if s.plainLua && t.Tok >= Terra && t.Tok < keywordEnd {
			t.Tok = Name
		}
		return
	case isDigit(c) || c == '.' && isDigit(s.peekc(1)):
		s.number(t)
		return
	case c == '"' || c == '\'':
		t.Tok = String
		t.Lit = s.quoted(c)
		return
	case c == '[':
		if level, ok := s.longOpen(); ok {
			t.Tok = String
			t.Lit = s.longString(start, level, false)
			return
		}
		if s.peekc(1) == '=' {
			// '[=' not followed by a second bracket: Lua rejects it.
			s.off++
			for s.off < len(s.src) && s.src[s.off] == '=' {
				s.off++
			}
			s.errorNear(start, "invalid long string delimiter")
			t.Tok, t.Lit = Illegal, string(s.src[start:s.off])
			return
		}
	}
	s.off++
	two := func(next byte, yes, no Token) Token {
		if s.off < len(s.src) && s.src[s.off] == next {
			s.off++
			return yes
		}
		return no
	}
	switch c {
	case '+':
		t.Tok = Plus
	case '-':
		t.Tok = two('>', Arrow, Minus)
	case '*':
		t.Tok = Star
	case '/':
		t.Tok = Slash
	case '%':
		t.Tok = Percent
	case '^':
		t.Tok = Caret
	case '#':
		t.Tok = Hash
	case '=':
		t.Tok = two('=', Eq, Assign)
	case '~':
		t.Tok = two('=', Ne, Illegal)
	case '<':
		if t.Tok = two('=', Le, Lt); t.Tok == Lt {
			t.Tok = two('<', Shl, Lt)
		}
	case '>':
		if t.Tok = two('=', Ge, Gt); t.Tok == Gt {
			t.Tok = two('>', Shr, Gt)
		}
	case '(':
		t.Tok = LParen
	case ')':
		t.Tok = RParen
	case '{':
		t.Tok = LBrace
	case '}':
		t.Tok = RBrace
	case '[':
		t.Tok = LBrack
	case ']':
		t.Tok = RBrack
	case ';':
		t.Tok = Semi
	case ':':
		t.Tok = two(':', DColon, Colon)
	case ',':
		t.Tok = Comma
	case '.':
		if t.Tok = two('.', Concat, Dot); t.Tok == Concat {
			t.Tok = two('.', Dots, Concat)
		}
	case '`':
		t.Tok = Backtick
	case '@':
		t.Tok = At
	case '&':
		t.Tok = Amp
	default:
		t.Tok = Illegal
	}
	if t.Tok == Illegal {
		t.Lit = string(s.src[start:s.off])
	}
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' }

// number reads a numeral the way Lua does (digits, dots, exponent signs and
// any trailing letters, so "3x" is one malformed token) and decodes it.
func (s *Scanner) number(t *Info) {
	start := s.off
	hex := s.src[s.off] == '0' && (s.peekc(1) == 'x' || s.peekc(1) == 'X')
	if hex {
		s.off += 2
	}
	for s.off < len(s.src) {
		c := s.src[s.off]
		if c == '.' && s.peekc(1) == '.' {
			break // "1..x" is a number followed by a concatenation
		}
		if !(isLetter(c) || isDigit(c) || c == '.') {
			break
		}
		s.off++
		exp := !hex && (c == 'e' || c == 'E') || hex && (c == 'p' || c == 'P')
		if exp && s.off < len(s.src) && (s.src[s.off] == '+' || s.src[s.off] == '-') {
			s.off++
		}
	}
	t.Tok = Number
	t.Lit = string(s.src[start:s.off])
	v, ok := ParseNumber(t.Lit)
	if !ok {
		s.errorNear(start, "malformed number")
		t.BadNum = true
		v = NumValue{Kind: Int32, Text: "0"}
	}
	t.Num = v
}

// quoted reads a '…' or "…" string and returns its unescaped value.
func (s *Scanner) quoted(q byte) string {
	start := s.off
	s.off++
	b := &s.buf
	b.Reset()
	for {
		if s.off >= len(s.src) {
			s.errorNear(start, "unfinished string")
			return b.String()
		}
		c := s.src[s.off]
		switch c {
		case q:
			s.off++
			return b.String()
		case '\n', '\r':
			s.errorNear(start, "unfinished string")
			return b.String()
		case '\\':
			s.escape(start, b)
		default:
			b.WriteByte(c)
			s.off++
		}
	}
}

// escape decodes one backslash sequence: Lua 5.1's set plus \x and \z from
// 5.2. An unknown escape keeps the character, as Lua 5.1 does.
func (s *Scanner) escape(start int, b *strings.Builder) {
	s.off++ // backslash
	if s.off >= len(s.src) {
		return // reported as unfinished by the caller
	}
	c := s.src[s.off]
	switch {
	case simple[c] != 0:
		b.WriteByte(simple[c])
		s.off++
	case c == '\n' || c == '\r':
		b.WriteByte('\n')
		s.newline()
	case c == 'x':
		s.off++
		v := 0
		for i := 0; i < 2; i++ {
			if s.off >= len(s.src) || !isHex(s.src[s.off]) {
				s.errorNear(start, "hexadecimal digit expected")
				return
			}
			v = v*16 + hexVal(s.src[s.off])
			s.off++
		}
		b.WriteByte(byte(v))
	case c == 'z':
		s.off++
		for s.off < len(s.src) {
			switch s.src[s.off] {
			case '\n', '\r':
				s.newline()
				continue
			case ' ', '\t', '\v', '\f':
				s.off++
				continue
			}
			break
		}
	case isDigit(c):
		v := 0
		for i := 0; i < 3 && s.off < len(s.src) && isDigit(s.src[s.off]); i++ {
			v = v*10 + int(s.src[s.off]-'0')
			s.off++
		}
		if v > 255 {
			s.errorNear(start, "escape sequence too large")
		}
		b.WriteByte(byte(v))
	default:
		b.WriteByte(c)
		s.off++
	}
}

var simple = [256]byte{'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v',
	'\\': '\\', '"': '"', '\'': '\''}

func hexVal(c byte) int {
	switch {
	case isDigit(c):
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	default:
		return int(c-'A') + 10
	}
}

// longOpen checks for "[", "=" * level, "[" at s.off without consuming.
func (s *Scanner) longOpen() (int, bool) {
	i := s.off + 1
	for i < len(s.src) && s.src[i] == '=' {
		i++
	}
	if i < len(s.src) && s.src[i] == '[' {
		return i - s.off - 1, true
	}
	return 0, false
}

// longString reads a long bracket string or comment starting at s.off
// (the first '['). A newline right after the opening bracket is dropped and
// every line ending becomes '\n', as in Lua.
func (s *Scanner) longString(start, level int, comment bool) string {
	s.off += level + 2
	if s.off < len(s.src) && (s.src[s.off] == '\n' || s.src[s.off] == '\r') {
		s.newline()
	}
	b := &s.buf
	b.Reset()
	for {
		if s.off >= len(s.src) {
			what := "unfinished long string"
			if comment {
				what = "unfinished long comment"
			}
			s.error(start, what+" near '<eof>'")
			return b.String()
		}
		c := s.src[s.off]
		switch c {
		case ']':
			i := s.off + 1
			for i < len(s.src) && s.src[i] == '=' {
				i++
			}
			if i-s.off-1 == level && i < len(s.src) && s.src[i] == ']' {
				s.off = i + 1
				return b.String()
			}
			b.WriteByte(']')
			s.off++
		case '\n', '\r':
			b.WriteByte('\n')
			s.newline()
		default:
			if !comment {
				b.WriteByte(c)
			}
			s.off++
		}
	}
}
