package main

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada/workbook"
)

// checkGolden compares got with the golden file, or rewrites the file
// with -update.
func checkGolden(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs; run with -update and review the diff\n%s", golden, firstDiff(got, string(want)))
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return ""
}

// TestExampleAssessmentGolden runs the example project and compares the
// text dump of assessment workbooks with golden files: a small and the
// largest community in Ukrainian, one in English. A change to the example,
// the catalogue or the workbook layout shows here; review it and run
// go test ./cmd/hromada -run TestExampleAssessmentGolden -update.
func TestExampleAssessmentGolden(t *testing.T) {
	for _, tc := range []struct {
		lang  string
		files []string
	}{
		{"uk", []string{"andrushivska", "zhytomyrska"}},
		{"en", []string{"khoroshivska"}},
	} {
		out := t.TempDir()
		if code := run([]string{"run", "../../examples/zhytomyr", "-o", out, "-q", "--lang", tc.lang}, strings.NewReader(""), io.Discard, io.Discard); code != exitOK {
			t.Fatalf("run exited %d", code)
		}
		for _, name := range tc.files {
			got, err := workbook.Dump(filepath.Join(out, name+"-assessment.xlsx"))
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join("testdata", "golden", "example-"+tc.lang, name+"-assessment.txt"), got)
		}
	}
}
