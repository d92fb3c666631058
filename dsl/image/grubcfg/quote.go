package grubcfg

import "strings"

// Unquote gives the value of a GRUB word: quotes removed, escapes applied.
// Variable references ($x, ${x}) are kept as written, since their values
// are only known when GRUB runs.
func Unquote(w string) string {
	var sb strings.Builder
	for i := 0; i < len(w); i++ {
		switch c := w[i]; c {
		case '\'':
			j := strings.IndexByte(w[i+1:], '\'')
			if j < 0 {
				sb.WriteString(w[i+1:])
				return sb.String()
			}
			sb.WriteString(w[i+1 : i+1+j])
			i += j + 1
		case '"':
			i++
			for ; i < len(w) && w[i] != '"'; i++ {
				if w[i] == '\\' && i+1 < len(w) && strings.IndexByte("\"\\$\n", w[i+1]) >= 0 {
					i++
					if w[i] == '\n' {
						continue
					}
				}
				sb.WriteByte(w[i])
			}
		case '\\':
			if i+1 < len(w) {
				i++
				if w[i] != '\n' {
					sb.WriteByte(w[i])
				}
			}
		default:
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

// safe are the bytes a bare GRUB word may hold without quotes.
func safe(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		strings.IndexByte("_./:=,+-@%^", c) >= 0 || c >= 0x80
}

// Quote makes s one GRUB word: bare when it can be, else in single quotes
// (a quote inside becomes '\”).
func Quote(s string) string {
	bare := s != ""
	for i := 0; i < len(s) && bare; i++ {
		bare = safe(s[i])
	}
	if bare {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// QuoteAlways puts s in single quotes, as grub-mkconfig writes titles.
func QuoteAlways(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// QuoteArg quotes one kernel argument for a linux line; a lone variable
// reference ($vt_handoff, ${extra}) stays bare so GRUB expands it.
func QuoteArg(a string) string {
	if isVarRef(a) {
		return a
	}
	return Quote(a)
}

func isVarRef(a string) bool {
	if len(a) < 2 || a[0] != '$' {
		return false
	}
	name := a[1:]
	if name[0] == '{' {
		if name[len(name)-1] != '}' {
			return false
		}
		name = name[1 : len(name)-1]
	}
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// SplitCmdline splits a kernel command line at blanks outside double
// quotes, as the kernel does; the quotes stay in the arguments.
func SplitCmdline(s string) []string {
	var out []string
	var cur strings.Builder
	inq, have := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			inq = !inq
			cur.WriteByte(c)
			have = true
		case !inq && (c == ' ' || c == '\t' || c == '\n'):
			if have {
				out = append(out, cur.String())
				cur.Reset()
				have = false
			}
		default:
			cur.WriteByte(c)
			have = true
		}
	}
	if have {
		out = append(out, cur.String())
	}
	return out
}
