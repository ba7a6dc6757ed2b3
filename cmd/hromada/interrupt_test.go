package main

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInterrupt sends SIGINT (and once SIGTERM) to the real hromada
// binary while it is writing a workbook of the example project: it must
// exit 130 (143 for SIGTERM) saying it was interrupted, leave no
// temporary file, and every workbook it left must be complete (a zip
// that opens).
func TestInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs the example project")
	}
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to send")
	}
	bin := filepath.Join(t.TempDir(), "hromada")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	caught := 0
	for try := 0; try < 40 && caught < 6; try++ {
		sig, want := syscall.SIGINT, exitInterrupt
		if caught == 5 {
			sig, want = syscall.SIGTERM, exitTerminate
		}
		out := filepath.Join(t.TempDir(), "out")
		cmd := exec.Command(bin, "run", "../../examples/zhytomyr", "-o", out, "-j", "2", "-q")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Wait for a workbook being written: its temporary file in out.
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		var err error
		sent := false
	wait:
		for {
			select {
			case err = <-exited:
				break wait
			default:
			}
			if !sent && len(temps(t, out)) > 0 {
				if serr := cmd.Process.Signal(sig); serr != nil {
					t.Fatal(serr)
				}
				sent = true
			}
			time.Sleep(100 * time.Microsecond)
		}
		if !sent {
			continue // the run ended before a temporary file was seen
		}
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			continue // the signal came as the run ended: it completed
		}
		caught++
		if ee.ExitCode() != want {
			t.Errorf("%v: exit %d, want %d; stderr:\n%s", sig, ee.ExitCode(), want, stderr.String())
		}
		// In the example project's language, Ukrainian.
		if !strings.Contains(stderr.String(), "перервано: незавершені робочі книги вилучено") {
			t.Errorf("%v: stderr does not say it was interrupted:\n%s", sig, stderr.String())
		}
		if left := temps(t, out); len(left) > 0 {
			t.Errorf("%v: temporary files left: %v", sig, left)
		}
		done, err := filepath.Glob(filepath.Join(out, "*.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range done {
			z, err := zip.OpenReader(f)
			if err != nil {
				t.Errorf("%v: %s is not complete: %v", sig, filepath.Base(f), err)
				continue
			}
			if err := z.Close(); err != nil {
				t.Error(err)
			}
		}
	}
	if caught < 6 {
		t.Fatalf("only %d of the runs were interrupted while writing; want 6", caught)
	}
}

// temps lists the temporary files in dir.
func temps(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil // not made yet
	}
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			out = append(out, e.Name())
		}
	}
	return out
}
