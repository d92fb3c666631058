// Package dsl runs language extensions: Lua tables that give a language's
// entry points and its parsers (see Terra's "Embedding New Languages Inside
// Lua"). The parser (lang/parse) asks for a language at parse time, through
// parse.Config.Importer, when it reads `import "name"`; the language's
// parsers then run in the program's Lua state on a parse.Lexer, wrapped here
// as the Lua `lex` object. Their constructors are kept by id and called at
// run time by $terra.extension(id, envfn).
//
// The package also embeds the Pratt parsing library (`require "parsing"`)
// and adds a package loader for .t modules on package.terrapath. Parts of
// the embedded libraries written in Go (image.grubcfg, a grub.cfg parser)
// are registered in package.preload.
package dsl
