package embed_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"terrac/embed"
)

// A fault in Terra code is an error naming the .t line (DebugLines),
// and the line information of a closed state does not leak into the
// next state's reports.
func TestFaultIsALocatedError(t *testing.T) {
	const prog = `
terra poke(p : &int) : int
	return p[0]
end
return poke(nil)
`
	for i := range 2 {
		s := newState(t, embed.Options{Debug: embed.DebugLines})
		_, err := s.RunString(context.Background(), "fault.t", strings.Repeat("\n", i)+prog)
		var e *embed.Error
		if !errors.As(err, &e) {
			t.Fatalf("err = %v", err)
		}
		if len(e.Diagnostics) == 0 || e.Diagnostics[0].Line != 3+i || !strings.Contains(e.Message, "segmentation fault") {
			t.Errorf("state %d: want a fault at fault.t:%d, got\n%s", i, 3+i, e.Message)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
