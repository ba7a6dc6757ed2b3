package main

import (
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada/internal/golden"
	"github.com/hromada-tool/hromada/workbook"
)

// checkGolden compares got with the golden file, or rewrites the file
// with -update.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	golden.Check(t, path, got, *update)
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
