// Package scan is the lexer shared by the Lua and Terra parts of a .t file.
//
// The parser drives it token by token with Next, because Lua and Terra code
// share one token stream and the parser alone knows which language it is in.
// Tokens carry byte offsets (source.Pos); the scanner also counts lines the
// way Lua does (\n, \r, \r\n and \n\r each end one line) because gopher-lua's
// AST wants line numbers on every node.
package scan
