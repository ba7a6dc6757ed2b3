package workbook

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
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
	if err := WritePlan(with, p); err != nil {
		t.Fatal(err)
	}
	without := filepath.Join(dir, "without.xlsx")
	if err := WritePlan(without, testPlan(t, hromada.Ukrainian, 3)); err != nil {
		t.Fatal(err)
	}
	if got, err := StoredSource(with); err != nil || got != src {
		t.Errorf("StoredSource = %q, %v; want %q", got, err, src)
	}
	if got, err := StoredSource(without); err != nil || got != "" {
		t.Errorf("StoredSource of a workbook without a source = %q, %v; want none", got, err)
	}
	// The source is not content: both workbooks have one content.
	a, err := ContentOfFile(with)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := ContentOfFile(without); err != nil || a != b {
		t.Errorf("contents %s and %s (%v), want one", a, b, err)
	}
	if c, err := Check(with); err != nil || c != Unchanged {
		t.Errorf("Check = %v, %v; want Unchanged", c, err)
	}
	// An edit keeps the recorded source and changes the content.
	if err := Edit(with, map[string]string{sheetNames(t, with)[0] + "!Z200": "ні"}); err != nil {
		t.Fatal(err)
	}
	if got, err := StoredSource(with); err != nil || got != src {
		t.Errorf("after an edit StoredSource = %q, %v; want %q", got, err, src)
	}
	if e, err := ContentOfFile(with); err != nil || e == a {
		t.Errorf("content after an edit %s (%v), want another than %s", e, err, a)
	}
}
