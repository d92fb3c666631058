package lower

import (
	"regexp"
	"strings"
	"testing"

	"terrac/compiler/tree"
	"terrac/lang/source"
)

// at places a statement on a line of f.
func at(f *source.File, line int, s tree.Stmt) tree.Stmt {
	sp := source.At(f, f.LineStart(line)+2)
	switch s := s.(type) {
	case *tree.VarDecl:
		s.Pos = sp
	case *tree.Assign:
		s.Pos = sp
	case *tree.Return:
		s.Pos = sp
	case *tree.ForNum:
		s.Pos = sp
	case *tree.ExprStmt:
		s.Pos = sp
	}
	return s
}

// TestDebugLines checks that each instruction carries the line of the
// innermost statement that produced it, and that LLVM accepts the
// metadata.
func TestDebugLines(t *testing.T) {
	src := "terra sum(n : uint32) : uint32\n" + // 1
		"  var s : uint32 = 0\n" + // 2
		"  for i = 0, n do\n" + // 3
		"    s = s + i * 3\n" + // 4
		"  end\n" + // 5
		"  return s\n" + // 6
		"end\n"
	f := source.NewFile("prog.t", []byte(src))
	n, i, s := sym("n", u32), sym("i", u32), sym("s", u32)
	fn := fun("sum", []*tree.Symbol{n}, u32,
		at(f, 2, decl(s, lit(u32, 0))),
		at(f, 3, fornum(i, lit(u32, 0), vr(n), nil,
			at(f, 4, assign(vr(s), bin("+", vr(s), bin("*", vr(i), lit(u32, 3))))))),
		at(f, 6, ret(vr(s))))
	fn.Def.Pos = source.At(f, 0)
	m := NewModule(t.Name())
	m.EnableDebugInfo("terrac test")
	if err := m.AddFunction(fn); err != nil {
		t.Fatal(err)
	}
	ir := m.String()
	verify(t, ir)

	locs := map[string]string{} // !N → line
	for _, mm := range regexp.MustCompile(`(?m)^(!\d+) = !DILocation\(line: (\d+)`).FindAllStringSubmatch(ir, -1) {
		locs[mm[1]] = mm[2]
	}
	lineOf := func(pattern string) string {
		t.Helper()
		mm := regexp.MustCompile(pattern + `.*!dbg (!\d+)`).FindStringSubmatch(ir)
		if mm == nil {
			t.Fatalf("no instruction matching %q with a location in:\n%s", pattern, ir)
		}
		return locs[mm[1]]
	}
	for pattern, want := range map[string]string{
		`= mul i32`:                   "4", // i * 3
		`= add i32 %\d+, %\d+`:        "4", // s + …
		`store i32 0, i32\* %s`:       "2",
		`icmp ult i32`:                "3", // the loop test
		`ret i32`:                     "6",
		`store i32 %n, i32\* %n.addr`: "2", // the prologue takes the first statement's line
	} {
		if got := lineOf(pattern); got != want {
			t.Errorf("%s: line %s, want %s", pattern, got, want)
		}
	}
	for _, want := range []string{
		`!DIFile(filename: "prog.t"`,
		`distinct !DISubprogram(name: "$sum"`,
		`!"Debug Info Version", i32 3`,
		`!llvm.dbg.cu = !{`,
	} {
		if !strings.Contains(ir, want) {
			t.Errorf("IR lacks %s:\n%s", want, ir)
		}
	}
}
