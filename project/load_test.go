package project

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/xlsx"
	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
	"github.com/hromada-tool/hromada/kobo"
	"github.com/hromada-tool/hromada/workbook"
)

func TestLoadExample(t *testing.T) {
	p, ps := Load("../examples/zhytomyr", LoadOptions{})
	xlsxtest.BilingualProblems(t, ps)
	for _, pr := range ps {
		if pr.Severity == hromada.Error {
			t.Errorf("%v", pr)
		} else {
			t.Logf("%v", pr)
		}
	}
	if len(p.Communities) != 6 {
		t.Errorf("communities = %d, want 6", len(p.Communities))
	}
	t.Logf("groups %d needs %d registry %d providers %d posts %d", len(p.Groups), len(p.Needs), len(p.Registry), len(p.Providers), len(p.Posts))
}

func TestServiceCodeOf(t *testing.T) {
	for in, want := range map[string]string{"2": "002.0", "2.0": "002.0", "15.1": "015.1", "903": "903.0", " 10.1 ": "010.1"} {
		if got, ok := ServiceCodeOf(in); !ok || got != want {
			t.Errorf("ServiceCodeOf(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"002.0x", "1.25", "-1", "1000", "counselling"} {
		if got, ok := ServiceCodeOf(in); ok {
			t.Errorf("ServiceCodeOf(%q) = %q, want not a code", in, got)
		}
	}
}

// TestProblemsNameTheirCommunity: a bad cell in a community's row of the
// registry or the communities sheet names that community, so that a run
// can stop it alone; a bad setting concerns the whole project.
func TestProblemsNameTheirCommunity(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{ProjectFile, RegistryFile} {
		b, err := os.ReadFile(filepath.Join("../examples/zhytomyr", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, _ := Load("../examples/zhytomyr", LoadOptions{})
	reg := p.Registry[0]
	// Row 2 of the registry is its first count (header on row 1).
	f, err := kobo.Open(filepath.Join(dir, RegistryFile), xlsx.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tb, err := f.Table(Registry.Name.UK)
	if err != nil {
		t.Fatal(err)
	}
	countCol := -1
	for i, h := range tb.Header() {
		if Registry.Fields[fieldIndex(Registry, "count")].Matches(h) {
			countCol = i
		}
	}
	if !tb.Next() || countCol < 0 {
		t.Fatal("registry has no count column or no rows")
	}
	ref := tb.Ref(countCol)
	tb.Close()
	f.Close()
	if err := workbook.Edit(filepath.Join(dir, RegistryFile), map[string]string{Registry.Name.UK + "!" + ref: "-5"}); err != nil {
		t.Fatal(err)
	}
	_, ps := Load(dir, LoadOptions{})
	xlsxtest.BilingualProblems(t, ps)
	found := false
	for _, pr := range ps {
		if pr.Severity != hromada.Error || pr.File != filepath.Join(dir, RegistryFile) {
			continue
		}
		found = true
		if pr.Community != reg.Community {
			t.Errorf("%v: community %q, want %q", pr, pr.Community, reg.Community)
		}
	}
	if !found {
		t.Fatalf("no error for the negative count at %s: %v", ref, ps)
	}
	// The surveys are not copied: each community's "survey file not found"
	// names its community.
	for _, pr := range ps {
		if strings.Contains(pr.Msg.EN, "survey file") && pr.Community == "" {
			t.Errorf("%v: names no community", pr)
		}
	}
}
