package inputbook

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
	"github.com/hromada-tool/hromada/kobo"
	"github.com/hromada-tool/hromada/project"
)

func TestCheckAgainstForm(t *testing.T) {
	path := filepath.Join(t.TempDir(), project.FormFile)
	if err := WriteXLSForm(path, project.QuestionnaireForm(hromada.English)); err != nil {
		t.Fatal(err)
	}
	form, err := kobo.ReadXLSForm(path)
	if err != nil {
		t.Fatal(err)
	}
	svc := hromada.Service{Code: "002.0"}
	p := &project.Project{
		Needs: []project.Need{
			{Service: svc, Column: "needs", Option: "counselling"}, // right
			{Service: svc, Column: "needs", Option: "counseling"},  // not a choice
			{Service: svc, Column: "need_counselling"},             // not a question
			{Service: svc, Column: "idp", Option: "yes"},           // select_one, not select_multiple
		},
		Groups: []project.Group{
			{Group: hromada.Group{ID: "idp"}, Column: "idp", Values: []string{"yes"}},         // right
			{Group: hromada.Group{ID: "poor"}, Column: "low_income", Values: []string{"так"}}, // not a choice
			{Group: hromada.Group{ID: "x"}, Column: "is_idp", Values: []string{"yes"}},        // not a question
		},
	}
	xlsxtest.BilingualProblems(t, p.CheckAgainstForm(form))
	var got []string
	for _, pr := range p.CheckAgainstForm(form) {
		if pr.Severity != hromada.Warning {
			t.Errorf("%v is not a warning", pr)
		}
		got = append(got, pr.Msg.EN)
	}
	want := []string{
		`"counseling" is not a choice of question "needs"`,
		`column "need_counselling" is not a question`,
		`question "idp" is select_one, not select_multiple`,
		`group poor: value "так" is not a choice of question "low_income"`,
		`group x: column "is_idp" is not a question`,
	}
	if len(got) != len(want) {
		t.Fatalf("got %d warnings, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.Contains(got[i], want[i]) {
			t.Errorf("warning %d = %q, want it to contain %q", i, got[i], want[i])
		}
	}
}
