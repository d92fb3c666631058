// This file implements the token kinds and their printed forms.
package scan

// Token is the kind of a lexical token.
type Token uint8

const (
	EOF Token = iota
	Illegal
	Name
	Number
	String

	keywordStart
	And
	Break
	Do
	Else
	Elseif
	End
	False
	For
	Function
	Goto
	If
	In
	Local
	Nil
	Not
	Or
	Repeat
	Return
	Then
	True
	Until
	While
	// Terra's reserved words; they are reserved in Lua code too.
	Terra
	Var
	Struct
	Union
	Switch
	Case
	Quote
	Import
	Defer
	Escape
	keywordEnd

	Plus     // +
	Minus    // -
	Star     // *
	Slash    // /
	Percent  // %
	Caret    // ^
	Hash     // #
	Eq       // ==
	Ne       // ~=
	Le       // <=
	Ge       // >=
	Lt       // <
	Gt       // >
	Assign   // =
	LParen   // (
	RParen   // )
	LBrace   // {
	RBrace   // }
	LBrack   // [
	RBrack   // ]
	Semi     // ;
	Colon    // :
	Comma    // ,
	Dot      // .
	Concat   // ..
	Dots     // ...
	Arrow    // ->
	Shl      // <<
	Shr      // >>
	DColon   // ::
	Backtick // `
	At       // @
	Amp      // &
)

var tokenText = [...]string{
	EOF: "<eof>", Illegal: "<illegal>", Name: "<name>", Number: "<number>", String: "<string>",
	And: "and", Break: "break", Do: "do", Else: "else", Elseif: "elseif", End: "end",
	False: "false", For: "for", Function: "function", Goto: "goto", If: "if", In: "in",
	Local: "local", Nil: "nil", Not: "not", Or: "or", Repeat: "repeat", Return: "return",
	Then: "then", True: "true", Until: "until", While: "while",
	Terra: "terra", Var: "var", Struct: "struct", Union: "union", Switch: "switch",
	Case: "case", Quote: "quote", Import: "import", Defer: "defer", Escape: "escape",
	Plus: "+", Minus: "-", Star: "*", Slash: "/", Percent: "%", Caret: "^", Hash: "#",
	Eq: "==", Ne: "~=", Le: "<=", Ge: ">=", Lt: "<", Gt: ">", Assign: "=",
	LParen: "(", RParen: ")", LBrace: "{", RBrace: "}", LBrack: "[", RBrack: "]",
	Semi: ";", Colon: ":", Comma: ",", Dot: ".", Concat: "..", Dots: "...",
	Arrow: "->", Shl: "<<", Shr: ">>", DColon: "::", Backtick: "`", At: "@", Amp: "&",
}

// String returns the token's spelling ("end", "==") or a placeholder
// ("<name>") for tokens with a value.
func (t Token) String() string {
	if int(t) < len(tokenText) && tokenText[t] != "" {
		return tokenText[t]
	}
	return "<?>"
}

// IsKeyword reports whether t is a reserved word.
func (t Token) IsKeyword() bool { return t > keywordStart && t < keywordEnd }

var keywords = func() map[string]Token {
	m := make(map[string]Token)
	for t := keywordStart + 1; t < keywordEnd; t++ {
		m[tokenText[t]] = t
	}
	return m
}()

// Keyword returns the keyword token spelled s, or Name.
func Keyword(s string) Token {
	if t, ok := keywords[s]; ok {
		return t
	}
	return Name
}
