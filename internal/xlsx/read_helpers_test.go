package xlsx

import (
	"path/filepath"
	"testing"

	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
)

// openTable opens the first sheet of path.
func openTable(t testing.TB, path string) (*File, *Table) {
	t.Helper()
	return openTableWith(t, path, OpenOptions{})
}

// openTableWith opens the first sheet of path with options opt.
func openTableWith(t testing.TB, path string, opt OpenOptions) (*File, *Table) {
	t.Helper()
	f, err := Open(path, opt)
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
	return xlsxtest.Cause[*InputError](t, err, cause)
}
