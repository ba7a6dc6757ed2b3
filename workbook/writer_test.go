package workbook

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/golden"
	"github.com/xuri/excelize/v2"
)

// The -update flag rewrites golden files. It is registered here unless
// another test file of the package has registered it already (package
// variables are initialised before init functions run).
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files in testdata")
	}
}

func updateGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// checkGolden compares got with the golden file, or rewrites the file
// with -update.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	golden.Check(t, path, got, updateGolden())
}

// sameBytesEachWrite calls write n times, each returning the path of a
// workbook written from the same inputs, and fails unless every file
// equals the first byte for byte.
func sameBytesEachWrite(t *testing.T, name string, n int, write func(i int) string) {
	t.Helper()
	var first []byte
	for i := range n {
		b, err := os.ReadFile(write(i))
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = b
			continue
		}
		if !bytes.Equal(first, b) {
			t.Fatalf("%s: write %d differs from the first (%d and %d bytes)", name, i, len(b), len(first))
		}
	}
}

// langCase is a workbook a writer's tests write: its name (the golden
// file's) and language.
type langCase struct {
	name string
	lang hromada.Lang
}

// bothLangs are the Ukrainian and the English workbook.
var bothLangs = []langCase{{"uk", hromada.Ukrainian}, {"en", hromada.English}}

// writeTemp writes a workbook with write as name.xlsx in a folder of the
// test's and returns its path.
func writeTemp(t *testing.T, name string, write func(path string) error) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name+".xlsx")
	if err := write(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// writerTest is the golden and determinism tests of one writer, case by
// case.
type writerTest[C any] struct {
	golden string                                      // the folder of testdata with the golden dumps
	cases  []C                                         // the workbooks
	name   func(c C) string                            // a case's name, and its golden file's
	write  func(t *testing.T, c C, file string) string // writes case c as file.xlsx; its path
	dump   func(t *testing.T, path string) string      // nil for Dump
}

// goldenDumps compares the dump of each case with its golden file,
// testdata/<golden>/<name>.txt (-update rewrites them).
func (w writerTest[C]) goldenDumps(t *testing.T) {
	for _, c := range w.cases {
		t.Run(w.name(c), func(t *testing.T) {
			path := w.write(t, c, w.name(c))
			var got string
			if w.dump != nil {
				got = w.dump(t, path)
			} else {
				var err error
				if got, err = Dump(path); err != nil {
					t.Fatal(err)
				}
			}
			checkGolden(t, filepath.Join("testdata", w.golden, w.name(c)+".txt"), got)
		})
	}
}

// sameBytes writes each case n times: the files must be equal byte
// for byte.
func (w writerTest[C]) sameBytes(t *testing.T, n int) {
	for _, c := range w.cases {
		sameBytesEachWrite(t, w.name(c), n, func(i int) string {
			return w.write(t, c, fmt.Sprint(w.name(c), i))
		})
	}
}

// sourceMatches reads the writer's files that match glob, tests left out,
// and returns the first submatch of every match of re in them.
func sourceMatches(t *testing.T, glob string, re *regexp.Regexp) []string {
	t.Helper()
	files, err := filepath.Glob(glob)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			out = append(out, m[1])
		}
	}
	return out
}

// writerKeys are the text keys a writer's files (glob) look up with
// w.t("…"), less the prefixes ("unit."+u) whose keys a test lists.
func writerKeys(t *testing.T, glob string) map[string]bool {
	t.Helper()
	used := map[string]bool{}
	for _, k := range sourceMatches(t, glob, regexp.MustCompile(`w\.t\("([a-z0-9_.]+)"`)) {
		if !strings.HasSuffix(k, ".") {
			used[k] = true
		}
	}
	return used
}

// checkTextKeys checks that a writer's texts, table (named name), hold
// every key in used, in both languages; used must hold least keys or
// more, or the search for them no longer matches the writer.
func checkTextKeys(t *testing.T, name string, table Texts, used map[string]bool, least int) {
	t.Helper()
	if len(used) < least {
		t.Fatalf("found only %d keys: the pattern no longer matches the writer", len(used))
	}
	for k := range used {
		txt, ok := table[k]
		if !ok {
			t.Errorf("text %q is used but not in %s", k, name)
			continue
		}
		if txt.UK == "" || txt.EN == "" {
			t.Errorf("text %q lacks a language: %+v", k, txt)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// same reports whether two numbers agree to the 15 significant digits a
// spreadsheet keeps, NaN equal to NaN.
func same(a, b float64) bool {
	return a == b || (math.IsNaN(a) && math.IsNaN(b)) || math.Abs(a-b) <= 1e-14*math.Max(math.Abs(a), math.Abs(b))
}

// sheetRows reads a sheet's cells as text.
func sheetRows(t *testing.T, path, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// zipPart returns a part of a workbook's ZIP.
func zipPart(t *testing.T, path, name string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name != name {
			continue
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	t.Fatalf("%s has no part %s", path, name)
	return ""
}
