package pipeline

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/consolidate"
	"github.com/hromada-tool/hromada/project"
)

// The outputs of a whole run: three workbooks per community in the
// project's order, then the consolidated one (6 communities: 19 files).
func TestRunOutputs(t *testing.T) {
	p, ps := LoadProject(filepath.Join("..", "examples", "zhytomyr"), "")
	if ps.Errors() > 0 {
		t.Fatal(ps)
	}
	out, err := RunOutputs(p, "out")
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 3*len(p.Communities)+1 || len(p.Communities) != 6 {
		t.Fatalf("%d outputs for %d communities, want 19 for 6", len(out), len(p.Communities))
	}
	if out[len(out)-1] != filepath.Join("out", ConsolidatedFile) {
		t.Errorf("last output %s, want the consolidated workbook", out[len(out)-1])
	}
	if want := filepath.Join("out", "andrushivska-plan.xlsx"); out[1] != want {
		t.Errorf("second output %s, want %s", out[1], want)
	}
}

// All runs every community, tells done of each, and writes the
// consolidated workbook from their rows; a community with an error of its
// own fails alone.
func TestRunAll(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the example project")
	}
	p, eo := exampleProject(t)
	out := t.TempDir()
	first := p.Communities[0].Code
	r := &Run{Project: p, Lang: hromada.English, Estimate: eo, Plan: ProjectPlanSettings(p), Out: out,
		Own: map[string]hromada.Problems{first: {{Community: first, Msg: hromada.Text{EN: "a registry row of this community is wrong"}}}}}
	var mu sync.Mutex
	failed := map[int]string{}
	runs, cons, err := r.All(2, func(i int, stage string) {
		mu.Lock()
		defer mu.Unlock()
		failed[i] = stage
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 6 || len(failed) != 6 || len(cons.Rows) != 6 {
		t.Fatalf("%d runs, %d told, %d rows; want 6 each", len(runs), len(failed), len(cons.Rows))
	}
	if failed[0] != StageCheck || cons.Rows[0].Status != consolidate.Failed {
		t.Errorf("the first community: told %q, status %s; want it failed at check", failed[0], cons.Rows[0].Status)
	}
	for i := 1; i < 6; i++ {
		if failed[i] != "" || cons.Rows[i].Status != consolidate.OK {
			t.Errorf("community %d: told %q, status %s", i, failed[i], cons.Rows[i].Status)
		}
	}
	if cons.Totals.Communities != 6 || cons.Totals.Failed != 1 {
		t.Errorf("totals %d communities, %d failed; want 6 and 1", cons.Totals.Communities, cons.Totals.Failed)
	}
	if _, err := os.Stat(filepath.Join(out, ConsolidatedFile)); err != nil {
		t.Errorf("no consolidated workbook: %v", err)
	}
}

// WriteStarter writes the starter project whole into a new or empty
// folder, and nothing (no temporary folder left) when it cannot.
func TestWriteStarter(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "andrushivka")
	if err := WriteStarter(dir, hromada.Ukrainian); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, f := range project.Files {
		want = append(want, f.Name)
	}
	want = append(want, project.FormFile, project.SurveyDir)
	for _, name := range want {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	p, _ := project.Load(dir, project.LoadOptions{})
	if p.Name != "andrushivka" {
		t.Errorf("project name %q, want the folder's, andrushivka", p.Name)
	}

	empty := filepath.Join(parent, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteStarter(empty, hromada.English); err != nil {
		t.Errorf("an empty folder: %v", err)
	}
	full := filepath.Join(parent, "full")
	if err := os.MkdirAll(filepath.Join(full, "mine"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteStarter(full, hromada.English); err == nil {
		t.Error("a folder with something in it was written over")
	}
	entries, _ := os.ReadDir(parent)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"andrushivka", "empty", "full"}) || strings.Contains(strings.Join(names, " "), ".init-") {
		t.Errorf("the parent folder holds %v", names)
	}
}
