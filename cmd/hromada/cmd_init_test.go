package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/golden"
	"github.com/hromada-tool/hromada/kobo"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden from what the commands write")

// initProject runs init into a new folder named andrushivka under a
// temporary folder and returns its path.
func initProject(t *testing.T, lang hromada.Lang) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "andrushivka")
	var out bytes.Buffer
	if err := runInit(initOptions{Dir: dir, Lang: lang, Out: &out}); err != nil {
		t.Fatalf("runInit(%s): %v", lang, err)
	}
	return dir
}

// dumps returns the text of every file init writes: the dump of each
// workbook, README.txt as it is.
func dumps(t *testing.T, dir string) map[string]string {
	t.Helper()
	d := map[string]string{}
	for _, name := range project.StarterFiles() {
		path := filepath.Join(dir, name)
		if strings.HasSuffix(name, ".xlsx") {
			s, err := workbook.Dump(path)
			if err != nil {
				t.Fatal(err)
			}
			d[name] = s
			continue
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		d[name] = string(b)
	}
	return d
}

// Golden dumps of every file init writes, in both languages. Run
// go test ./cmd/hromada -run TestInitGolden -update after a deliberate
// change and review the diff.
func TestInitGolden(t *testing.T) {
	for _, lang := range []hromada.Lang{hromada.Ukrainian, hromada.English} {
		dir := initProject(t, lang)
		for name, got := range dumps(t, dir) {
			golden := filepath.Join("testdata", "golden", "init-"+string(lang), strings.ReplaceAll(name, string(filepath.Separator), "_")+".txt")
			checkGolden(t, golden, got)
		}
	}
}

// Two inits give the same files: the same dumps and the same bytes.
func TestInitIsDeterministic(t *testing.T) {
	a, b := initProject(t, hromada.Ukrainian), initProject(t, hromada.Ukrainian)
	da, db := dumps(t, a), dumps(t, b)
	for name := range da {
		if da[name] != db[name] {
			t.Errorf("%s differs between two inits:\n%s", name, golden.FirstDiff(da[name], db[name]))
		}
		x, err := os.ReadFile(filepath.Join(a, name))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(b, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s: the bytes differ between two inits", name)
		}
	}
}

func TestInitWritesTheProject(t *testing.T) {
	dir := initProject(t, hromada.English)
	var got []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		if !d.IsDir() {
			got = append(got, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := slices.Sorted(slices.Values(project.StarterFiles()))
	if slices.Sort(got); !slices.Equal(got, want) {
		t.Errorf("init wrote %q, want %q", got, want)
	}
	ps, err := kobo.CheckXLSFormFile(filepath.Join(dir, project.FormFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		t.Errorf("questionnaire: %s: %s", p.Severity, p.Error())
	}
	siblings, err := os.ReadDir(filepath.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	if len(siblings) != 1 {
		t.Errorf("init left %d entries next to the project, want only the project", len(siblings))
	}
}

// runHromada executes hromada with args in the current folder and returns the
// exit code, stdout and stderr.
func runHromada(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestInitCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "andrushivka")
	code, stdout, stderr := runHromada("init", dir, "--lang", "en")
	if code != exitOK || stderr != "" {
		t.Fatalf("hromada init: exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{"Created project " + dir, filepath.Join(dir, "questionnaire.xlsx"), "hromada check " + dir} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout has no %q:\n%s", want, stdout)
		}
	}

	quiet := filepath.Join(t.TempDir(), "q")
	if code, stdout, stderr := runHromada("init", quiet, "-q"); code != exitOK || stdout != "" || stderr != "" {
		t.Errorf("hromada init -q: exit %d, stdout %q, stderr %q; want 0 and no output", code, stdout, stderr)
	}

	empty := t.TempDir()
	if code, _, stderr := runHromada("init", empty); code != exitOK {
		t.Errorf("hromada init EMPTY_DIR: exit %d, stderr %q; want 0", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(empty, project.ProjectFile)); err != nil {
		t.Errorf("init into an empty folder: %v", err)
	}
}

func TestInitRefuses(t *testing.T) {
	// The messages in English, as the environment asks.
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "en_US.UTF-8")
	base := t.TempDir()
	full := filepath.Join(base, "full")
	if err := os.Mkdir(full, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(full, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(base, "file.xlsx")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"non-empty folder", []string{"init", full}, "is not empty (it holds notes.txt)"},
		{"a file", []string{"init", file}, "is a file"},
		{"missing parent", []string{"init", filepath.Join(base, "no", "such")}, "does not exist"},
		{"no folder", []string{"init"}, "accepts 1 arg"},
		{"bad language", []string{"init", filepath.Join(base, "x"), "--lang", "fr"}, `language "fr" is not supported`},
	} {
		code, stdout, stderr := runHromada(tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, "hint:") || stdout != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 2 and an error with %q and a hint", tc.name, code, stdout, stderr, tc.want)
		}
	}
	entries, err := os.ReadDir(base)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"file.xlsx", "full"}; !slices.Equal(names, want) {
		t.Errorf("after refused inits the folder holds %q, want %q", names, want)
	}
	if entries, err := os.ReadDir(full); err != nil || len(entries) != 1 {
		t.Errorf("the non-empty folder was changed: %v %v", entries, err)
	}
	// Without a language in the environment, in Ukrainian.
	t.Setenv("LANG", "")
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"non-empty folder", []string{"init", full}, "не порожня (у ній є notes.txt)"},
		{"no folder", []string{"init"}, "помилка: команда приймає аргументів: 1, отримано: 0"},
		{"bad language", []string{"init", filepath.Join(base, "x"), "--lang", "fr"}, "помилка: мову «fr» не підтримано"},
	} {
		code, _, stderr := runHromada(tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, "підказка: ") {
			t.Errorf("%s in Ukrainian: exit %d, stderr %q; want exit 2 and an error with %q and a hint", tc.name, code, stderr, tc.want)
		}
	}
}
