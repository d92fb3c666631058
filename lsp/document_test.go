package lsp

import "testing"

func TestPositionsCountUTF16(t *testing.T) {
	text := "local s = \"é😀x\"\nterra f() end\n"
	// é is one UTF-16 unit, 😀 two: x is at character 14 of line 0.
	off := offset(text, position{Line: 0, Character: 14})
	if text[off] != 'x' {
		t.Fatalf("offset of 0:14 is %d (%q)", off, text[off:])
	}
	if p := positionOf(text, off); p != (position{0, 14}) {
		t.Errorf("positionOf(%d) = %v", off, p)
	}
	if p := positionOf(text, len(text)-4); p != (position{1, 10}) {
		t.Errorf("second line: %v", p)
	}
}

func TestIncrementalEdits(t *testing.T) {
	text := "terra f() : int\n  return 1\nend\n"
	text = applyChange(text, contentChange{Range: &lspRange{Start: position{1, 9}, End: position{1, 10}}, Text: "42"})
	text = applyChange(text, contentChange{Range: &lspRange{Start: position{0, 6}, End: position{0, 7}}, Text: "g"})
	if want := "terra g() : int\n  return 42\nend\n"; text != want {
		t.Errorf("got %q, want %q", text, want)
	}
}
