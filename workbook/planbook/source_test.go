package planbook

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/workbook"
	"github.com/xuri/excelize/v2"
)

// TestStoredSource: a plan workbook records the content fingerprint of
// its source as given, keeps its own fingerprint (the property is not
// content), and survives an edit of a cell (Excel keeps custom
// properties); a workbook made without a source records none.
func TestStoredSource(t *testing.T) {
	dir := t.TempDir()
	src := strings.Repeat("ab", 32) // a SHA-256 in hex: 64 characters
	with := filepath.Join(dir, "with.xlsx")
	p := testPlan(t, hromada.Ukrainian, 3)
	p.Source = src
	if err := Write(with, p); err != nil {
		t.Fatal(err)
	}
	without := filepath.Join(dir, "without.xlsx")
	if err := Write(without, testPlan(t, hromada.Ukrainian, 3)); err != nil {
		t.Fatal(err)
	}
	if got, err := workbook.StoredSource(with); err != nil || got != src {
		t.Errorf("StoredSource = %q, %v; want %q", got, err, src)
	}
	if got, err := workbook.StoredSource(without); err != nil || got != "" {
		t.Errorf("StoredSource of a workbook without a source = %q, %v; want none", got, err)
	}
	// The source is not content: both workbooks have one content.
	a, err := workbook.ContentOfFile(with)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := workbook.ContentOfFile(without); err != nil || a != b {
		t.Errorf("contents %s and %s (%v), want one", a, b, err)
	}
	if c, err := workbook.Check(with); err != nil || c != workbook.Unchanged {
		t.Errorf("Check = %v, %v; want Unchanged", c, err)
	}
	// An edit keeps the recorded source and changes the content.
	if err := workbook.Edit(with, map[string]string{firstSheet(t, with) + "!Z200": "ні"}); err != nil {
		t.Fatal(err)
	}
	if got, err := workbook.StoredSource(with); err != nil || got != src {
		t.Errorf("after an edit StoredSource = %q, %v; want %q", got, err, src)
	}
	if e, err := workbook.ContentOfFile(with); err != nil || e == a {
		t.Errorf("content after an edit %s (%v), want another than %s", e, err, a)
	}
}

// firstSheet is the name of the first sheet of the workbook at path.
func firstSheet(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return f.GetSheetName(0)
}
