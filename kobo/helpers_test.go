package kobo

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/hromada-tool/hromada/internal/xlsx"
)

// writeFile writes content into the test's temporary folder.
func writeFile(t testing.TB, name string, content []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

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

// readAll reads the rest of a table: each row's values and line.
func readAll(t testing.TB, tb *Table) (rows [][]string, lines []int) {
	t.Helper()
	for tb.Next() {
		rows = append(rows, append([]string(nil), tb.Row()...))
		lines = append(lines, tb.Line())
	}
	if err := tb.Err(); err != nil {
		t.Fatalf("Err: %v", err)
	}
	return rows, lines
}

// wantCause fails unless err is an *InputError with the cause.
func wantCause(t testing.TB, err, cause error) *xlsx.InputError {
	t.Helper()
	if !errors.Is(err, cause) {
		t.Fatalf("error %v, want cause %v", err, cause)
	}
	var ie *xlsx.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("error %T %v is not an *InputError", err, err)
	}
	return ie
}
