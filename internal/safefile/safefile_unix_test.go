//go:build unix

package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestRegularUnix: a pipe and a device are refused with what they are.
func TestRegularUnix(t *testing.T) {
	var nr *NotRegular
	if err := Regular("/dev/zero"); !errors.As(err, &nr) || nr.Kind() != "a device, not a file" {
		t.Errorf("Regular(/dev/zero) = %v", err)
	}
	fifo := filepath.Join(t.TempDir(), "fifo.xlsx")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	if err := Regular(fifo); !errors.As(err, &nr) || nr.Kind() != "a pipe, not a file" {
		t.Errorf("Regular(fifo) = %v", err)
	}
}

// TestMode: outputs are 0666 less the umask, private ones 0600 less the
// umask (with umask 027: 0640 and 0600).
func TestMode(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	dir := t.TempDir()
	for _, tt := range []struct {
		private bool
		want    fs.FileMode
	}{{false, 0o640}, {true, 0o600}} {
		SetPrivate(tt.private)
		out := filepath.Join(dir, "a.xlsx")
		tf, err := Create(out)
		if err != nil {
			t.Fatal(err)
		}
		if err := tf.Commit(); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(out)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != tt.want {
			t.Errorf("private=%v: mode %o, want %o", tt.private, fi.Mode().Perm(), tt.want)
		}
	}
	SetPrivate(false)
}
