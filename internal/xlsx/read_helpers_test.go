package xlsx

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
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

// openTable opens the first sheet of path.
func openTable(t testing.TB, path string) (*File, *Table) {
	t.Helper()
	f, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatalf("Open(%s): %v", filepath.Base(path), err)
	}
	t.Cleanup(func() { f.Close() })
	tb, err := f.Table("")
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
func wantCause(t testing.TB, err, cause error) *InputError {
	t.Helper()
	if !errors.Is(err, cause) {
		t.Fatalf("error %v, want cause %v", err, cause)
	}
	var ie *InputError
	if !errors.As(err, &ie) {
		t.Fatalf("error %T %v is not an *InputError", err, err)
	}
	return ie
}
