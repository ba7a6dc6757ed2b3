package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/safefile"
	"github.com/hromada-tool/hromada/project"
)

// TestStageOutputs: each community's workbooks of each kind, community by
// community, all inside the folder, whatever the code.
func TestStageOutputs(t *testing.T) {
	coms := []project.Community{
		{Community: hromada.Community{Code: "../../pwned"}},
		{Community: hromada.Community{Code: "UA1", Name: hromada.Text{EN: "Olevska"}}},
	}
	got, err := StageOutputs("out", coms, Assessment, Plan)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"out/pwned-assessment.xlsx", "out/pwned-plan.xlsx", "out/olevska-assessment.xlsx", "out/olevska-plan.xlsx"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != filepath.FromSlash(want[i]) {
			t.Errorf("output %d = %q, want %q", i, got[i], want[i])
		}
		if err := safefile.Inside("out", got[i]); err != nil {
			t.Error(err)
		}
	}
}

// TestProjectInputs: the project's workbooks and each community's survey;
// an output folder that is the project's survey folder, with a survey
// named as a workbook, is refused.
func TestProjectInputs(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "survey"), 0o755); err != nil {
		t.Fatal(err)
	}
	survey := filepath.Join(dir, "survey", "olevska-assessment.xlsx")
	if err := os.WriteFile(survey, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	p := &project.Project{Dir: dir, Communities: []project.Community{
		{Community: hromada.Community{Code: "UA1", Name: hromada.Text{EN: "Olevska"}}, SurveyFile: "survey/olevska-assessment.xlsx"},
		{Community: hromada.Community{Code: "UA2"}}, // no survey: no input
	}}
	in := ProjectInputs(p)
	if len(in) != 7 || in[6] != survey {
		t.Errorf("inputs %q: want the 6 project workbooks and %s", in, survey)
	}
	outs, err := StageOutputs(filepath.Join(dir, "survey"), p.Communities, Assessment)
	if err != nil {
		t.Fatal(err)
	}
	var c *safefile.Clash
	if err := CheckOutputs(outs, in); !errors.As(err, &c) || c.Input != survey {
		t.Errorf("CheckOutputs = %v, want a clash with %s", err, survey)
	}
	if err := CheckOutputs([]string{filepath.Join(dir, "out", "olevska-assessment.xlsx")}, in); err != nil {
		t.Errorf("CheckOutputs(out/…) = %v, want nil", err)
	}
}
