package lua

import "fmt"

// callError describes a call of a value that cannot be called as Lua 5.1
// does, naming the global, local, upvalue, field or method the value was
// read from when the compiler recorded it for the current call.
func (ls *LState) callError(lv LValue) string {
	if cf := ls.currentFrame; cf != nil && cf.Fn != nil && !cf.Fn.IsG {
		pc := cf.Pc - 1
		for _, call := range cf.Fn.Proto.DbgCalls {
			if call.Pc == pc && call.Kind != "" {
				return fmt.Sprintf("attempt to call %s '%s' (a %s value)", call.Kind, call.Name, lv.Type().String())
			}
		}
	}
	return fmt.Sprintf("attempt to call a %s value", lv.Type().String())
}
