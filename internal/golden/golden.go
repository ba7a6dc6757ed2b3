// Package golden compares text dumps with golden files for the tests of
// the workbook writers and the commands: a test writes a workbook, dumps
// it as text (workbook.Dump) and calls [Check]; with the test flag -update
// the golden file is rewritten instead, to be reviewed as a diff.
package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Check compares got with the golden file at path, or, when update is
// true, writes got to it (making its folder).
func Check(t testing.TB, path, got string, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs; run the test with -update and review the diff\n%s", path, FirstDiff(string(want), got))
	}
}

// FirstDiff shows the first line where want and got differ, numbered
// from 1, or "(no difference)".
func FirstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d\nwant %s\ngot  %s", i+1, wl, gl)
		}
	}
	return "(no difference)"
}
