package golden

import (
	"os"
	"path/filepath"
	"testing"
)

// TestFirstDiff: the first differing line, numbered from 1; a missing
// line reads as empty.
func TestFirstDiff(t *testing.T) {
	for _, c := range []struct{ want, got, diff string }{
		{"a\nb\nc", "a\nb\nc", "(no difference)"},
		{"a\nb\nc", "a\nx\nc", "line 2\nwant b\ngot  x"},
		{"a\nb", "a\nb\nc", "line 3\nwant \ngot  c"},
	} {
		if d := FirstDiff(c.want, c.got); d != c.diff {
			t.Errorf("FirstDiff(%q, %q) = %q, want %q", c.want, c.got, d, c.diff)
		}
	}
}

// TestCheckUpdate: with update the file is written, then it compares equal.
func TestCheckUpdate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "x.txt")
	Check(t, path, "one\ntwo\n", true)
	b, err := os.ReadFile(path)
	if err != nil || string(b) != "one\ntwo\n" {
		t.Fatalf("golden file %q, %v; want the text written", b, err)
	}
	Check(t, path, "one\ntwo\n", false)
}
