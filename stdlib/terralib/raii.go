// This file implements the directives of managed types, __move__(x) and
// __handle__(x), as global builtin macros (see docs/raii.md).
package terralib

import (
	"fmt"

	"terrac/compiler/tree"
	"terrac/lang/source"
)

func (rt *Runtime) initRaiiDirectives() {
	for name, op := range map[string]string{"__move__": "move", "__handle__": "handle"} {
		rt.L.SetGlobal(name, rt.macroValue(&Macro{Name: name, Builtin: func(args []tree.Expr, at source.Span) (tree.Expr, error) {
			if len(args) != 1 {
				return nil, fmt.Errorf("%s expects one argument but found %d", name, len(args))
			}
			return &tree.Directive{ExprBase: tree.ExprBase{Pos: at}, Op: op, X: args[0]}, nil
		}}))
	}
}
