-- terralib.languageextension holds the token types a language's lexer
-- uses (lex.name, lex.number, ...) and the default key; the Pratt library
-- uses the same values.
import "lib/tokenkinds"
print(kinds 42)
print(kinds foo)
print(kinds "text")
