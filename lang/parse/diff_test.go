// This file implements the differential tests against gopher-lua's parser.
package parse

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/yuin/gopher-lua/ast"
	gparse "github.com/yuin/gopher-lua/parse"

	"terrac/lang/source"
	"terrac/lang/tast"
)

func TestGopherLuaCorpus(t *testing.T) {
	files, err := filepath.Glob("testdata/*.lua")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	for _, name := range files {
		t.Run(filepath.Base(name), func(t *testing.T) {
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			gsrc := src
			if len(src) > 0 && src[0] == '#' {
				// gopher-lua has no shebang support; blank the line, keep the count.
				gsrc = append([]byte{}, src...)
				for i := 0; i < len(gsrc) && gsrc[i] != '\n'; i++ {
					gsrc[i] = ' '
				}
			}
			want, err := gparse.Parse(bytes.NewReader(gsrc), name)
			if err != nil {
				t.Fatalf("gopher-lua: %v", err)
			}
			got, err := File(source.NewFile(name, src), tast.NewRegistry())
			if err != nil {
				t.Fatalf("ours: %v", err)
			}
			if diff := cmp.Diff(gparse.Dump(want), gparse.Dump(got)); diff != "" {
				t.Fatalf("Dump differs (-gopher +ours):\n%s", diff)
			}
			var diffs []string
			compareLines(reflect.ValueOf(want), reflect.ValueOf(got), "chunk", &diffs)
			for i, d := range diffs {
				if i == 10 {
					t.Errorf("…")
					break
				}
				t.Error(d)
			}
		})
	}
}

var posHolder = reflect.TypeOf((*ast.PositionHolder)(nil)).Elem()

// compareLines walks two trees of the same shape and reports every node
// whose Line or LastLine differ.
func compareLines(a, b reflect.Value, path string, diffs *[]string) {
	if a.Kind() != b.Kind() {
		*diffs = append(*diffs, path+": kind differs")
		return
	}
	switch a.Kind() {
	case reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return
		}
		compareLines(a.Elem(), b.Elem(), path, diffs)
	case reflect.Ptr:
		if a.IsNil() || b.IsNil() {
			return
		}
		if a.Type() != b.Type() {
			*diffs = append(*diffs, path+": type differs")
			return
		}
		if a.Type().Implements(posHolder) {
			pa, pb := a.Interface().(ast.PositionHolder), b.Interface().(ast.PositionHolder)
			if pa.Line() != pb.Line() || pa.LastLine() != pb.LastLine() {
				*diffs = append(*diffs, fmt.Sprintf("%s (%s): lines gopher %d-%d, ours %d-%d",
					path, a.Type().Elem().Name(), pa.Line(), pa.LastLine(), pb.Line(), pb.LastLine()))
			}
		}
		compareLines(a.Elem(), b.Elem(), path, diffs)
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if !a.Type().Field(i).IsExported() {
				continue
			}
			compareLines(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name, diffs)
		}
	case reflect.Slice:
		if a.Len() != b.Len() {
			*diffs = append(*diffs, path+": length differs")
			return
		}
		for i := 0; i < a.Len(); i++ {
			compareLines(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i), diffs)
		}
	}
}
