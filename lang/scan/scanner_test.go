// This file implements tests for the scanner.
package scan

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"terrac/lang/source"
)

func scanAll(src string) (toks []string, errs []string) {
	f := source.NewFile("t", []byte(src))
	s := New(f, func(p source.Pos, msg string) {
		pos := f.Position(p)
		errs = append(errs, fmt.Sprintf("%d:%d: %s", pos.Line, pos.Col, msg))
	})
	for s.Tok != EOF {
		switch s.Tok {
		case Name:
			toks = append(toks, "N:"+s.Lit)
		case String:
			toks = append(toks, fmt.Sprintf("S:%q", s.Lit))
		case Number:
			toks = append(toks, fmt.Sprintf("#%s:%s", s.Lit, s.Num.Kind))
		default:
			toks = append(toks, s.Tok.String())
		}
		toks[len(toks)-1] += fmt.Sprintf("@%d", s.Line)
		s.Next()
	}
	return
}

func TestTokens(t *testing.T) {
	tests := []struct {
		src  string
		want string
	}{
		{"local var = 1", "local@1 var@1 =@1 #1:int32@1"},
		{"a->b << >> :: ` @ & ... .. . ~= == <= >=", "N:a@1 ->@1 N:b@1 <<@1 >>@1 ::@1 `@1 @@1 &@1 ...@1 ..@1 .@1 ~=@1 ==@1 <=@1 >=@1"},
		{"#!/usr/bin/terra\nx", "N:x@2"},
		{"x -- comment\n--[==[ long\n]] ]==] y", "N:x@1 N:y@3"},
		{"'a\\tb\\65\\x41\\\n' [[\nfoo]] [=[a]]b]=]", `S:"a\tbAA\n"@1 S:"foo"@2 S:"a]]b"@3`},
		{"1 1.5 3.f 1.0f 1e3f 1e3 2LL 2ULL 1U 0xff 4294967296 0x1p4 .5", "#1:int32@1 #1.5:double@1 #3.f:float@1 #1.0f:float@1 #1e3f:float@1 #1e3:double@1 #2LL:int64@1 #2ULL:uint64@1 #1U:uint32@1 #0xff:int32@1 #4294967296:double@1 #0x1p4:double@1 #.5:double@1"},
		{"a\r\nb\n\rc\rd", "N:a@1 N:b@2 N:c@3 N:d@4"},
		{"terra struct union switch case quote import defer escape goto var", "terra@1 struct@1 union@1 switch@1 case@1 quote@1 import@1 defer@1 escape@1 goto@1 var@1"},
	}
	for _, tt := range tests {
		toks, errs := scanAll(tt.src)
		if len(errs) > 0 {
			t.Errorf("%q: errors %v", tt.src, errs)
		}
		if diff := cmp.Diff(tt.want, strings.Join(toks, " ")); diff != "" {
			t.Errorf("%q: (-want +got)\n%s", tt.src, diff)
		}
	}
}

func TestErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{`x = "abc`, `1:5: unfinished string near '"abc'`},
		{"x = [[abc", "1:5: unfinished long string near '<eof>'"},
		{"x = 3x", "1:5: malformed number near '3x'"},
		{`x = "\300"`, `1:5: escape sequence too large near '"\300'`},
		{"x = [==x", "1:5: invalid long string delimiter near '[=='"},
	}
	for _, tt := range tests {
		_, errs := scanAll(tt.src)
		if len(errs) == 0 || errs[0] != tt.want {
			t.Errorf("%q: got %v want %q", tt.src, errs, tt.want)
		}
	}
}

func TestNumberValues(t *testing.T) {
	v, ok := ParseNumber("0xffffffffffffffffULL")
	if !ok || v.Int != ^uint64(0) || v.Kind != Uint64 {
		t.Errorf("got %+v", v)
	}
	v, ok = ParseNumber("2147483647")
	if !ok || v.Kind != Int32 {
		t.Errorf("got %+v", v)
	}
	v, ok = ParseNumber("2147483648")
	if !ok || v.Kind != Double || v.Float != 2147483648 {
		t.Errorf("got %+v", v)
	}
	if _, ok := ParseNumber("1.5LL"); ok {
		t.Errorf("1.5LL accepted")
	}
}
