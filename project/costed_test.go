package project_test

import (
	"path/filepath"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
	"github.com/hromada-tool/hromada/project"
)

// TestCheckCatchesWhatStopsABudget: what would stop the budget of a run
// is an error at its cell: a service of the Needs sheet with no post (any
// of them may be planned, depending on the survey; CostProblems, which
// check and run add), a post listed twice for a service, a start-up item
// bought in year 0 (errors of the load).
func TestCheckCatchesWhatStopsABudget(t *testing.T) {
	p, ps, dir := writeCodesProject(t, hromada.Ukrainian, map[string][][]any{
		project.Needs.Key: {
			{"002.0", "needs", "counselling"}, // row 2: has a post
			{"001.0", "needs", "information"}, // row 3: no post
			{"003.0", "needs", "mediation"},   // row 4: has a post, listed twice
		},
		project.Posts.Key: {
			{"002.0", "психолог", 1, 9000, 1},
			{"003.0", "медіатор", 1, 9000, 1},
			{"003.0", "Медіатор", 1, 9000, 1}, // row 4: the same post, another case; its share is not added
		},
		project.Startup.Key: {{"002.0", "меблі", 20000, 0, 5}}, // row 2: year 0
	})
	want := map[string]string{
		filepath.Join(dir, project.ProjectFile) + " Потреби!A3":        `service 001.0 has no post in costs.xlsx (sheet Посади): a plan that includes it could not cost its staff`,
		filepath.Join(dir, project.CostsFile) + " Посади!B4":           `post "Медіатор" of service 003.0 is listed twice (first at B3)`,
		filepath.Join(dir, project.CostsFile) + " Стартові витрати!D2": `year bought 0 is not a plausible year`,
	}
	xlsxtest.BilingualProblems(t, p.CostProblems())
	if cps := p.CostProblems(); len(cps) != 1 {
		t.Errorf("cost problems %v, want one, of 001.0", cps)
	}
	got := map[string]string{}
	for _, pr := range append(ps, p.CostProblems()...) {
		// project.xlsx's other error is the survey file, not written here.
		if pr.Severity == hromada.Error && (filepath.Base(pr.File) != project.ProjectFile || pr.Sheet == project.Needs.Name.UK) {
			got[pr.File+" "+pr.Sheet+"!"+pr.Cell] = pr.Msg.EN
		}
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: %q, want %q", k, got[k], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("errors %q, want only %q", got, want)
	}
}

// TestNoPostsAtAll: a Posts sheet left empty is one problem at the sheet
// naming the services of the Needs sheet, not one per service.
func TestNoPostsAtAll(t *testing.T) {
	p, _, dir := writeCodesProject(t, hromada.English, map[string][][]any{
		project.Needs.Key: {{"002.0", "needs", "counselling"}, {"001.0", "needs", "information"}},
	})
	ps := p.CostProblems()
	xlsxtest.BilingualProblems(t, ps)
	if len(ps) != 1 || ps[0].File != filepath.Join(dir, project.CostsFile) || ps[0].Sheet != "Posts" || ps[0].Severity != hromada.Error ||
		ps[0].Hint.EN != "add the posts and salaries of services 002.0, 001.0" {
		t.Errorf("problems %v, want one error at the Posts sheet naming 002.0, 001.0", ps)
	}
}

// TestRegistryGroupsOfTheProject: a registry count of a catalogue group
// the Groups sheet does not define is an error at its cell — the run's
// estimate would refuse it, since the survey does not say who is in it.
func TestRegistryGroupsOfTheProject(t *testing.T) {
	_, ps, dir := writeCodesProject(t, hromada.English, map[string][][]any{
		project.Groups.Key: {{"idp", "", "", "idp", "yes", nil, "family", 1}},
		project.Registry.Key: {
			{"UA1", "idp", "family", 120, "2026-01-01", "registry"},        // row 2: defined
			{"UA1", "low_income", "family", 300, "2026-01-01", "registry"}, // row 3: a catalogue group, not on the sheet
		},
	})
	var got []string
	for _, pr := range ps {
		if pr.Severity == hromada.Error && pr.File == filepath.Join(dir, project.RegistryFile) {
			got = append(got, pr.Cell+" "+pr.Msg.EN)
		}
	}
	if want := `B3 group "low_income" is not defined on the Groups sheet of project.xlsx`; len(got) != 1 || got[0] != want {
		t.Errorf("registry errors %q, want [%q]", got, want)
	}
}
