// This file implements the REPL's meta-commands (:help, :type, :ir, :asm,
// :load).
package repl

import (
	"fmt"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/lower"
	"terrac/compiler/tree"
	"terrac/runtime/cdata"
	"terrac/runtime/jit"
)

const helpText = `Enter Lua statements, Terra definitions or expressions; an expression
(or "= expr") prints its values. Unfinished input continues on the next line.
  :type EXPR   the Terra type of a function, cdata value or quote (else the Lua type)
  :ir EXPR     the LLVM IR of a Terra function's module
  :asm EXPR    the assembly of a Terra function's module
  :load FILE   run a .t file in this session
  :help        this text
Ctrl-C cancels the current input, Ctrl-D exits.
`

func (s *Session) meta(line string) {
	cmd, arg, _ := strings.Cut(line[1:], " ")
	arg = strings.TrimSpace(arg)
	switch cmd {
	case "help", "h", "?":
		fmt.Fprint(s.out, helpText)
	case "type", "t":
		s.withValue(arg, func(v lua.LValue) error {
			fmt.Fprintln(s.out, s.typeOf(v))
			return nil
		})
	case "ir", "asm":
		s.withValue(arg, func(v lua.LValue) error {
			text, err := s.code(v, cmd)
			if err == nil {
				fmt.Fprint(s.out, text)
			}
			return err
		})
	case "load", "l":
		if arg == "" {
			fmt.Fprintln(s.out, "usage: :load FILE.t")
			return
		}
		fn, err := s.rt.LoadFile(arg)
		if err == nil {
			_, err = s.call(fn)
		}
		if err != nil {
			s.printErr(err)
		}
	default:
		fmt.Fprintf(s.out, "unknown command :%s (try :help)\n", cmd)
	}
}

func (s *Session) withValue(expr string, fn func(lua.LValue) error) {
	if expr == "" {
		fmt.Fprintln(s.out, "missing expression (try :help)")
		return
	}
	v, err := s.evalExpr(expr)
	if err == nil {
		err = fn(v)
	}
	if err != nil {
		s.printErr(err)
	}
}

func (s *Session) typeOf(v lua.LValue) string {
	rt := s.rt
	if fn := rt.AsFunction(v); fn != nil {
		if err := rt.Engine.Check(fn); err != nil {
			return err.Error()
		}
		return fn.Type.String()
	}
	if cv, ok := cdata.Is(v); ok {
		return cv.T.String()
	}
	if t := rt.AsType(v); t != nil {
		return "a Terra type: " + showType(t)
	}
	if q := rt.AsQuote(v); q != nil {
		return "a quote"
	}
	return "Lua " + v.Type().String()
}

// code lowers a Terra function (declaring what it calls) into a module of
// its own and returns its IR, or its assembly for kind "asm".
func (s *Session) code(v lua.LValue, kind string) (string, error) {
	fn := s.rt.AsFunction(v)
	if fn == nil {
		return "", fmt.Errorf("not a terra function: %s", v.Type())
	}
	if err := s.checkAll(fn, map[*tree.Function]bool{}); err != nil {
		return "", err
	}
	m := lower.NewModule(fn.Name)
	if err := m.AddFunction(fn); err != nil {
		return "", err
	}
	if kind == "ir" {
		return m.String(), nil
	}
	out, err := jit.EmitObject(m.String(), 2, "asm")
	return string(out), err
}

// checkAll typechecks fn and what it calls, which lowering declares.
func (s *Session) checkAll(fn *tree.Function, seen map[*tree.Function]bool) error {
	if seen[fn] || fn.Extern {
		return nil
	}
	seen[fn] = true
	if fn.Def == nil {
		return fmt.Errorf("function %s is not defined", fn.Name)
	}
	if err := s.rt.Engine.Check(fn); err != nil {
		return err
	}
	for _, r := range fn.Refs {
		if err := s.checkAll(r, seen); err != nil {
			return err
		}
	}
	return nil
}
