package lower

import (
	"strings"
	"testing"

	"terrac/compiler/types"
)

func TestVarargWrapper(t *testing.T) {
	printfT := types.FuncOf([]*types.Type{str}, i32, true)
	m := NewModule(t.Name())
	args := []*types.Type{str, f64, i32, str}
	if err := m.AddVarargWrapper(printfT, args, "w"); err != nil {
		t.Fatal(err)
	}
	ir := m.String()
	// The call goes through the pointer loaded from the buffer's first
	// field, as a variadic call with the extra arguments after the fixed one.
	if !strings.Contains(ir, "call i32 (i8*, ...) %") || !strings.Contains(ir, "double %") {
		t.Errorf("no variadic call with the extra arguments in:\n%s", ir)
	}
	if err := m.AddVarargWrapper(printfT, args, "w"); err == nil {
		t.Errorf("defining w twice: no error")
	}
	fixed := types.FuncOf([]*types.Type{str}, i32, false)
	if err := m.AddVarargWrapper(fixed, args, "w2"); err == nil {
		t.Errorf("vararg wrapper for a non-variadic type: no error")
	}
	if err := m.AddVarargWrapper(printfT, nil, "w3"); err == nil {
		t.Errorf("vararg wrapper without the fixed arguments: no error")
	}
}
