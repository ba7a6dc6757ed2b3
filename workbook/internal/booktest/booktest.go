package booktest

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
	"github.com/hromada-tool/hromada/workbook"
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

// Update reports whether the test runs with -update, which rewrites the
// golden files.
func Update() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// CheckGolden compares got with the golden file, or rewrites the file
// with -update.
func CheckGolden(t *testing.T, path, got string) {
	t.Helper()
	golden.Check(t, path, got, Update())
}

// SameBytesEachWrite calls write n times, each returning the path of a
// workbook written from the same inputs, and fails unless every file
// equals the first byte for byte.
func SameBytesEachWrite(t *testing.T, name string, n int, write func(i int) string) {
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

// LangCase is a workbook a writer's tests write: its name (the golden
// file's) and language.
type LangCase struct {
	Name string // the golden file's name, without .txt
	Lang hromada.Lang
}

// BothLangs are the Ukrainian and the English workbook.
var BothLangs = []LangCase{{"uk", hromada.Ukrainian}, {"en", hromada.English}}

// WriteTemp writes a workbook with write as name.xlsx in a folder of the
// test's and returns its path.
func WriteTemp(t *testing.T, name string, write func(path string) error) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name+".xlsx")
	if err := write(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// WriterTest is the golden and determinism tests of one writer, case by
// case.
type WriterTest[C any] struct {
	Golden string                                      // the folder of testdata with the golden dumps
	Cases  []C                                         // the workbooks
	Name   func(c C) string                            // a case's name, and its golden file's
	Write  func(t *testing.T, c C, file string) string // writes case c as file.xlsx; its path
	Dump   func(t *testing.T, path string) string      // nil for workbook.Dump
}

// GoldenDumps compares the dump of each case with its golden file,
// testdata/<golden>/<name>.txt (-update rewrites them).
func (w WriterTest[C]) GoldenDumps(t *testing.T) {
	for _, c := range w.Cases {
		t.Run(w.Name(c), func(t *testing.T) {
			path := w.Write(t, c, w.Name(c))
			var got string
			if w.Dump != nil {
				got = w.Dump(t, path)
			} else {
				var err error
				if got, err = workbook.Dump(path); err != nil {
					t.Fatal(err)
				}
			}
			CheckGolden(t, filepath.Join("testdata", w.Golden, w.Name(c)+".txt"), got)
		})
	}
}

// SameBytes writes each case n times: the files must be equal byte
// for byte.
func (w WriterTest[C]) SameBytes(t *testing.T, n int) {
	for _, c := range w.Cases {
		SameBytesEachWrite(t, w.Name(c), n, func(i int) string {
			return w.Write(t, c, fmt.Sprint(w.Name(c), i))
		})
	}
}

// SourceMatches reads the writer's files that match glob, tests left out,
// and returns the first submatch of every match of re in them.
func SourceMatches(t *testing.T, glob string, re *regexp.Regexp) []string {
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

// WriterKeys are the text keys a writer's files (glob) look up with
// w.t("…"), less the prefixes ("unit."+u) whose keys a test lists.
func WriterKeys(t *testing.T, glob string) map[string]bool {
	t.Helper()
	used := map[string]bool{}
	for _, k := range SourceMatches(t, glob, regexp.MustCompile(`w\.t\("([a-z0-9_.]+)"`)) {
		if !strings.HasSuffix(k, ".") {
			used[k] = true
		}
	}
	return used
}

// CheckTextKeys checks that a writer's texts, table (named name), hold
// every key in used, in both languages; used must hold least keys or
// more, or the search for them no longer matches the writer.
func CheckTextKeys(t *testing.T, name string, table workbook.Texts, used map[string]bool, least int) {
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

// Must fails the test at once on an error.
func Must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// Same reports whether two numbers agree to the 15 significant digits a
// spreadsheet keeps, NaN equal to NaN.
func Same(a, b float64) bool {
	return a == b || (math.IsNaN(a) && math.IsNaN(b)) || math.Abs(a-b) <= 1e-14*math.Max(math.Abs(a), math.Abs(b))
}

// SheetRows reads a sheet's cells as text.
func SheetRows(t *testing.T, path, sheet string) [][]string {
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

// ZipPart returns a part of a workbook's ZIP.
func ZipPart(t *testing.T, path, name string) string {
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

// SheetHas reports whether a cell of the named sheet of the workbook at
// path holds text.
func SheetHas(t *testing.T, path, sheet, text string) bool {
	t.Helper()
	for _, row := range SheetRows(t, path, sheet) {
		for _, c := range row {
			if strings.Contains(c, text) {
				return true
			}
		}
	}
	return false
}
