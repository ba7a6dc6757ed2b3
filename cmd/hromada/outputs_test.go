//go:build unix

package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestOutputMode: a workbook's mode is 0666 less the umask (022 → 0644,
// 077 → 0600, 0 → 0666); with --no-suppress, 0600 less the umask.
func TestOutputMode(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		umask      int
		noSuppress bool
		want       fs.FileMode
	}{
		{0o022, false, 0o644},
		{0o077, false, 0o600},
		{0o000, false, 0o666},
		{0o022, true, 0o600},
		{0o000, true, 0o600},
		{0o077, true, 0o600},
	}
	for i, tt := range tests {
		out := filepath.Join(dir, "q"+string(rune('a'+i))+".xlsx")
		args := []string{"assess", "--survey", "../../examples/zhytomyr/survey/olevska.xlsx", "--need", "needs", "-o", out, "-q"}
		if tt.noSuppress {
			args = append(args, "--no-suppress")
		}
		old := syscall.Umask(tt.umask)
		var stderr bytes.Buffer
		code := run(args, nil, &bytes.Buffer{}, &stderr)
		syscall.Umask(old)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		fi, err := os.Stat(out)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != tt.want {
			t.Errorf("umask %03o, --no-suppress %v: mode %04o, want %04o", tt.umask, tt.noSuppress, got, tt.want)
		}
	}
}
