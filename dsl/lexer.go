// This file implements the Lua `lex` object a language's parser receives:
// tokens as tables, the token-stream methods, and embedded Lua and Terra
// code returned as functions of an environment table.
package dsl

import (
	"fmt"
	"strconv"

	lua "github.com/yuin/gopher-lua"
	"github.com/yuin/gopher-lua/ast"

	"terrac/lang/parse"
	"terrac/lang/scan"
)

// tokenTypes are the token kinds with a value, as lex.name etc.
var tokenTypes = map[string]string{
	"name": parse.TokName, "string": parse.TokString, "number": parse.TokNumber, "eof": parse.TokEOF,
}

func newLexer(L *lua.LState, lx *parse.Lexer) *lua.LTable {
	t := L.NewTable()
	for k, v := range tokenTypes {
		t.RawSetString(k, lua.LString(v))
	}
	// lex.default is terralib.languageextension.default, when terralib
	// has it (a key no token type equals).
	if tl, ok := L.GetGlobal("terralib").(*lua.LTable); ok {
		if le, ok := tl.RawGetString("languageextension").(*lua.LTable); ok {
			t.RawSetString("default", le.RawGetString("default"))
		}
	}
	t.RawSetString("source", lua.LString(lx.File().Name))
	fail := func(L *lua.LState, err error) int {
		L.RaiseError("%s", err.Error())
		return 0
	}
	tok := func(L *lua.LState, tk parse.Token) *lua.LTable {
		return tokenTable(L, tk)
	}
	matches := func(L *lua.LState, tk parse.Token) bool { return tk.Type == L.CheckString(2) }
	var methods map[string]lua.LGFunction
	methods = map[string]lua.LGFunction{
		"cur":       func(L *lua.LState) int { L.Push(tok(L, lx.Cur())); return 1 },
		"lookahead": func(L *lua.LState) int { L.Push(tok(L, lx.Lookahead())); return 1 },
		"next":      func(L *lua.LState) int { L.Push(tok(L, lx.Next())); return 1 },
		"matches": func(L *lua.LState) int {
			L.Push(lua.LBool(matches(L, lx.Cur())))
			return 1
		},
		"lookaheadmatches": func(L *lua.LState) int {
			L.Push(lua.LBool(matches(L, lx.Lookahead())))
			return 1
		},
		"nextif": func(L *lua.LState) int {
			if matches(L, lx.Cur()) {
				L.Push(tok(L, lx.Next()))
			} else {
				L.Push(lua.LFalse)
			}
			return 1
		},
		"expect": func(L *lua.LState) int {
			if !matches(L, lx.Cur()) {
				return fail(L, lx.ErrorExpected(quoteToken(L.CheckString(2))))
			}
			L.Push(tok(L, lx.Next()))
			return 1
		},
		"expectmatch": func(L *lua.LState) int {
			what, who, line := L.CheckString(2), L.CheckString(3), L.CheckInt(4)
			if matches(L, lx.Cur()) {
				L.Push(tok(L, lx.Next()))
				return 1
			}
			if line == lx.Cur().Line {
				return fail(L, lx.ErrorExpected(quoteToken(what)))
			}
			return fail(L, lx.Error(fmt.Sprintf("%s expected (to close %s at line %d)", quoteToken(what), quoteToken(who), line)))
		},
		"error":         func(L *lua.LState) int { return fail(L, lx.Error(L.CheckString(2))) },
		"errorexpected": func(L *lua.LState) int { return fail(L, lx.ErrorExpected(L.CheckString(2))) },
		"ref": func(L *lua.LState) int {
			lx.Ref(L.CheckString(2))
			return 0
		},
		"typetostring": func(L *lua.LState) int { L.Push(lua.LString(L.CheckString(2))); return 1 },
		"luaexpr": func(L *lua.LState) int {
			e, err := lx.LuaExpr()
			if err != nil {
				return fail(L, err)
			}
			L.Push(envFunction(L, lx.File().Name, []ast.Stmt{ret(e)}))
			return 1
		},
		"luastats": func(L *lua.LState) int {
			stmts, err := lx.LuaStats()
			if err != nil {
				return fail(L, err)
			}
			L.Push(envFunction(L, lx.File().Name, stmts))
			return 1
		},
		"terraexpr": func(L *lua.LState) int {
			e, err := lx.TerraExpr()
			if err != nil {
				return fail(L, err)
			}
			L.Push(envFunction(L, lx.File().Name, []ast.Stmt{ret(e)}))
			return 1
		},
		"terrastats": func(L *lua.LState) int {
			e, err := lx.TerraStats()
			if err != nil {
				return fail(L, err)
			}
			L.Push(envFunction(L, lx.File().Name, []ast.Stmt{ret(e)}))
			return 1
		},
	}
	L.SetFuncs(t, methods)
	return t
}

// quoteToken renders a token type for "X expected": keywords and
// operators are quoted as Lua does ('end'), <name> and the like are not.
func quoteToken(s string) string {
	if len(s) > 1 && s[0] == '<' {
		return s
	}
	return "'" + s + "'"
}

func tokenTable(L *lua.LState, tk parse.Token) *lua.LTable {
	t := L.NewTable()
	t.RawSetString("type", lua.LString(tk.Type))
	t.RawSetString("linenumber", lua.LNumber(tk.Line))
	t.RawSetString("column", lua.LNumber(tk.Column))
	t.RawSetString("offset", lua.LNumber(tk.Offset))
	switch tk.Type {
	case parse.TokNumber:
		t.RawSetString("value", numberValue(L, tk.Num))
		t.RawSetString("valuetype", L.GetGlobal(tk.Num.Kind.String()))
	case parse.TokEOF:
	default:
		t.RawSetString("value", lua.LString(tk.Value))
	}
	return t
}

// numberValue is a number token's value for Lua: 1LL and 1ULL are boxed
// 64-bit integers (through $terra.int64lit, as the same literals in Lua
// code are), so a language sees their exact value and type.
func numberValue(L *lua.LState, n scan.NumValue) lua.LValue {
	if n.Kind == scan.Int64 || n.Kind == scan.Uint64 {
		if t, ok := L.GetGlobal("$terra").(*lua.LTable); ok {
			if box := t.RawGetString("int64lit"); box != lua.LNil {
				L.Push(box)
				L.Push(lua.LString(strconv.FormatUint(n.Int, 10)))
				L.Push(lua.LBool(n.Kind == scan.Uint64))
				L.Call(2, 1)
				v := L.Get(-1)
				L.Pop(1)
				return v
			}
		}
	}
	return lua.LNumber(n.Float)
}

func ret(e ast.Expr) ast.Stmt {
	r := &ast.ReturnStmt{Exprs: []ast.Expr{e}}
	r.SetLine(e.Line())
	return r
}

// envFunction returns fn(env): it runs stmts with env as their global
// table. The chunk is compiled on first call, once parsing has finished
// and any Terra trees in it are registered.
func envFunction(L *lua.LState, chunk string, stmts []ast.Stmt) *lua.LFunction {
	var proto *lua.FunctionProto
	return L.NewFunction(func(L *lua.LState) int {
		if proto == nil {
			p, err := lua.Compile(stmts, chunk)
			if err != nil {
				L.RaiseError("%s", err.Error())
			}
			proto = p
		}
		fn := L.NewFunctionFromProto(proto)
		if env, ok := L.Get(1).(*lua.LTable); ok {
			fn.Env = env
		}
		top := L.GetTop()
		L.Push(fn)
		L.Call(0, lua.MultRet)
		return L.GetTop() - top
	})
}
