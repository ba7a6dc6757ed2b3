package kobo

import (
	"path/filepath"
	"testing"

	"github.com/hromada-tool/hromada/internal/xlsx"
	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
)

// openTable opens the first sheet of path with the Kobo rules.
func openTable(t testing.TB, path string) (*xlsx.File, *Table) {
	t.Helper()
	f, err := Open(path, xlsx.OpenOptions{})
	if err != nil {
		t.Fatalf("Open(%s): %v", filepath.Base(path), err)
	}
	t.Cleanup(func() { f.Close() })
	tb, err := OpenTable(f, "")
	if err != nil {
		t.Fatalf("Table: %v", err)
	}
	t.Cleanup(func() { tb.Close() })
	return f, tb
}

// wantCause fails unless err is an *xlsx.InputError with the cause.
func wantCause(t testing.TB, err, cause error) *xlsx.InputError {
	t.Helper()
	return xlsxtest.Cause[*xlsx.InputError](t, err, cause)
}
