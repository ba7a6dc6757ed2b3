package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// TestName: the expected names are the input lower-cased, each run of
// characters outside a–z 0–9 one hyphen, trimmed (the rule of Name).
func TestName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Olevska", "olevska"},
		{"../../pwned", "pwned"},
		{`..\..\pwned`, "pwned"},
		{"/etc/passwd", "etc-passwd"},
		{"UA18060190000071101", "ua18060190000071101"},
		{"Олевська", ""},
		{"..", ""},
		{"a/./b", "a-b"},
	}
	for _, tt := range tests {
		if got := Name(tt.in); got != tt.want {
			t.Errorf("Name(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestInside: a path is inside when, cleaned, it names an entry below the
// folder; the folder itself and anything reached through ".." are not.
func TestInside(t *testing.T) {
	tests := []struct {
		dir, path string
		ok        bool
	}{
		{"out", "out/a.xlsx", true},
		{"./out", "out/sub/a.xlsx", true},
		{"out", "out/../a.xlsx", false},
		{"out", "out/../../pwned-assessment.xlsx", false},
		{"out", "out", false},
		{"out", "outside/a.xlsx", false},
		{"/tmp/o", "/tmp/o/a.xlsx", true},
		{"/tmp/o", "/tmp/other/a.xlsx", false},
	}
	for _, tt := range tests {
		if err := Inside(tt.dir, tt.path); (err == nil) != tt.ok {
			t.Errorf("Inside(%q, %q) = %v, want ok=%v", tt.dir, tt.path, err, tt.ok)
		}
	}
}

// TestRel: inside the base, the path relative to it with forward slashes
// whatever the spelling; outside, the file's name alone.
func TestRel(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ base, path, want string }{
		{"proj", "proj/survey/olevska.xlsx", "survey/olevska.xlsx"},
		{"./proj", "proj//survey/./olevska.xlsx", "survey/olevska.xlsx"},
		{"proj", filepath.Join(wd, "proj", "survey", "olevska.xlsx"), "survey/olevska.xlsx"},
		{"proj", "/home/olena/secret/olevska.xlsx", "olevska.xlsx"},
		{"out", "proj/providers.xlsx", "providers.xlsx"},
		{"proj", "", ""},
	}
	for _, tt := range tests {
		if got := Rel(tt.base, tt.path); got != tt.want {
			t.Errorf("Rel(%q, %q) = %q, want %q", tt.base, tt.path, got, tt.want)
		}
	}
}

func write(t *testing.T, path string) {
	t.Helper()
	if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCheckOutputs: an output is refused when it is an input by any
// spelling, a symlink or a hard link; a new file, or another existing
// file, is not.
func TestCheckOutputs(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write(t, "s.xlsx")
	write(t, "other.xlsx")
	if err := os.Mkdir("sub", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("s.xlsx", "link.xlsx"); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if err := os.Symlink(".", "here"); err != nil {
		t.Fatal(err)
	}
	if err := os.Link("s.xlsx", "hard.xlsx"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		out   string
		clash bool
	}{
		{"s.xlsx", true},
		{"./s.xlsx", true},
		{"sub/../s.xlsx", true},
		{filepath.Join(dir, "s.xlsx"), true},
		{"link.xlsx", true},   // a symlink to the input
		{"here/s.xlsx", true}, // through a symlinked folder
		{"hard.xlsx", true},   // a hard link: same file, other name
		{"new.xlsx", false},
		{"other.xlsx", false},
		{"", false},
	}
	for _, tt := range tests {
		err := CheckOutputs([]string{"a.xlsx", tt.out}, []string{"", "s.xlsx", "missing.xlsx"})
		var c *Clash
		if got := errors.As(err, &c); got != tt.clash {
			t.Errorf("CheckOutputs(%q) = %v, want clash=%v", tt.out, err, tt.clash)
		}
		if tt.clash && c != nil && (c.Output != tt.out || c.Input != "s.xlsx") {
			t.Errorf("CheckOutputs(%q) names %q and %q, want the output and s.xlsx", tt.out, c.Output, c.Input)
		}
	}
}

// TestRegular: a saved file is read; a pipe, a device and a folder are
// refused; a missing file gives the system's error.
func TestRegular(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "s.xlsx")
	write(t, f)
	if err := Regular(f); err != nil {
		t.Errorf("Regular(file) = %v", err)
	}
	var nr *NotRegular
	if err := Regular(dir); !errors.As(err, &nr) || nr.Kind() != "a folder, not a file" {
		t.Errorf("Regular(folder) = %v", err)
	}
	if err := Regular(filepath.Join(dir, "none")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Regular(missing) = %v", err)
	}
}

// TestReadSmall: a file of max bytes is read whole; one byte more is
// refused; a device is refused without reading it.
func TestReadSmall(t *testing.T) {
	dir := t.TempDir()
	ok := filepath.Join(dir, "pw")
	if err := os.WriteFile(ok, []byte("12345678"), 0o600); err != nil {
		t.Fatal(err)
	}
	if b, err := ReadSmall(ok, 8); err != nil || string(b) != "12345678" {
		t.Errorf("ReadSmall(8 bytes, 8) = %q, %v", b, err)
	}
	if _, err := ReadSmall(ok, 7); !errors.Is(err, ErrTooLarge) {
		t.Errorf("ReadSmall(8 bytes, 7) = %v, want ErrTooLarge", err)
	}
	if runtime.GOOS != "windows" {
		var nr *NotRegular
		if _, err := ReadSmall("/dev/zero", 4096); !errors.As(err, &nr) {
			t.Errorf("ReadSmall(/dev/zero) = %v, want NotRegular", err)
		}
	}
}

func tmpFiles(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestCreate: Commit puts the complete file in place and leaves no
// temporary file; Abort leaves the old output untouched; after Interrupt
// the temporary files alive are gone and nothing new starts.
func TestCreate(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "a.xlsx")
	tf, err := Create(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tf.WriteString("one"); err != nil {
		t.Fatal(err)
	}
	if err := tf.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(out); err != nil || string(b) != "one" {
		t.Errorf("after Commit: %q, %v", b, err)
	}
	tf, err = Create(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tf.WriteString("two"); err != nil {
		t.Fatal(err)
	}
	if err := tf.Abort(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(out); string(b) != "one" {
		t.Errorf("after Abort the output is %q, want the old one", b)
	}
	if m := tmpFiles(t, dir); len(m) != 0 {
		t.Errorf("temporary files left: %v", m)
	}

	// Interrupt: two files being written are removed.
	t1, err := Create(filepath.Join(dir, "b.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Create(filepath.Join(dir, "c.xlsx")); err != nil {
		t.Fatal(err)
	}
	if n := Live(); n != 2 {
		t.Errorf("Live = %d, want 2", n)
	}
	if errs := Interrupt(); len(errs) != 0 {
		t.Fatal(errs)
	}
	t.Cleanup(func() { mu.Lock(); stopped = false; mu.Unlock() })
	if m := tmpFiles(t, dir); len(m) != 0 {
		t.Errorf("temporary files left after Interrupt: %v", m)
	}
	if err := t1.Commit(); !errors.Is(err, ErrInterrupted) {
		t.Errorf("Commit after Interrupt = %v, want ErrInterrupted", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "b.xlsx")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("b.xlsx exists after an interrupted write: %v", err)
	}
	if _, err := Create(filepath.Join(dir, "d.xlsx")); !errors.Is(err, ErrInterrupted) {
		t.Errorf("Create after Interrupt = %v, want ErrInterrupted", err)
	}
}

// TestSweep: only hromada's own temporary files, older than the age, go.
func TestSweep(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * StaleAge)
	files := map[string]bool{ // name → swept
		".olevska-assessment.xlsx.123456.tmp": true,
		".consolidated.xlsx.9.tmp":            true,
		".fresh.xlsx.77.tmp":                  false, // touched now: another run may be writing it
		"olevska-assessment.xlsx":             false,
		".notes.txt.1.tmp":                    false,
		".a.xlsx.x1.tmp":                      false,
		"x.xlsx.1.tmp":                        false,
	}
	for name := range files {
		p := filepath.Join(dir, name)
		write(t, p)
		if name != ".fresh.xlsx.77.tmp" {
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	n, err := Sweep(dir, StaleAge)
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("swept %d, want 2", n)
	}
	for name, swept := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if gone := errors.Is(err, fs.ErrNotExist); gone != swept {
			t.Errorf("%s: gone=%v, want %v", name, gone, swept)
		}
	}
	if n, err := Sweep(filepath.Join(dir, "none"), StaleAge); n != 0 || err != nil {
		t.Errorf("Sweep(missing folder) = %d, %v", n, err)
	}
}

// TestTrackDir: Interrupt removes a tracked folder and what it holds, not
// one whose tracking is done.
func TestTrackDir(t *testing.T) {
	base := t.TempDir()
	tracked, kept := filepath.Join(base, ".p.init-1"), filepath.Join(base, ".p.init-2")
	for _, d := range []string{tracked, kept} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(d, "project.xlsx"))
	}
	if _, err := TrackDir(tracked); err != nil {
		t.Fatal(err)
	}
	done, err := TrackDir(kept)
	if err != nil {
		t.Fatal(err)
	}
	done()
	if errs := Interrupt(); len(errs) != 0 {
		t.Fatal(errs)
	}
	t.Cleanup(func() { mu.Lock(); stopped = false; mu.Unlock() })
	if _, err := os.Stat(tracked); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("tracked folder after Interrupt: %v", err)
	}
	if _, err := os.Stat(filepath.Join(kept, "project.xlsx")); err != nil {
		t.Errorf("untracked folder after Interrupt: %v", err)
	}
	if _, err := TrackDir(kept); !errors.Is(err, ErrInterrupted) {
		t.Errorf("TrackDir after Interrupt = %v, want ErrInterrupted", err)
	}
}
