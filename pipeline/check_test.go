package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook"
)

// exampleCopy copies the example project to a temporary folder, to be
// broken by a test.
func exampleCopy(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "zhytomyr")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "examples", "zhytomyr"))); err != nil {
		t.Fatal(err)
	}
	return dir
}

func community(t *testing.T, p *project.Project, code string) project.Community {
	t.Helper()
	for _, c := range p.Communities {
		if c.Code == code {
			return c
		}
	}
	t.Fatalf("no community %s", code)
	return project.Community{}
}

// olevska is the example community whose survey the tests break.
const olevska = "UA18060190000071101"

// TestCheckProjectExample: the example passes the check, and each of its
// six communities' surveys (project.xlsx, Communities) is read with its
// design: strata, clusters and weights.
func TestCheckProjectExample(t *testing.T) {
	c := CheckProject(filepath.Join("..", "examples", "zhytomyr"), "", 2)
	if err := c.Problems.Err(); err != nil {
		t.Fatalf("the example fails the check: %v", err)
	}
	if len(c.Surveys) != len(c.Project.Communities) || len(c.Surveys) != 6 {
		t.Errorf("%d surveys read, want the 6 communities'", len(c.Surveys))
	}
	s := c.Surveys[olevska]
	if s.Rows == 0 || s.Strata == 0 || s.PSUs == 0 || !s.Weighted {
		t.Errorf("Olevska's survey %+v, want rows, strata, clusters and weights", s)
	}
}

// TestCheckMeansRunWillNotFail: a bad cell of one community's survey is an
// error of the check naming its file and cell, and the same error stops
// that community's assessment in a run; the other communities pass both.
func TestCheckMeansRunWillNotFail(t *testing.T) {
	dir := exampleCopy(t)
	survey := filepath.Join(dir, "survey", "olevska.xlsx")
	// AF is the weight column of the Kobo export.
	if err := workbook.Edit(survey, map[string]string{"Потреби домогосподарств у соціа!AF2": "12,5 грн"}); err != nil {
		t.Fatal(err)
	}
	c := CheckProject(dir, "", 2)
	var errs []string
	for _, p := range c.Problems {
		if p.Severity == hromada.Error {
			errs = append(errs, p.Error())
		}
	}
	if len(errs) != 1 || !strings.Contains(errs[0], "olevska.xlsx") || !strings.Contains(errs[0], "AF2") {
		t.Fatalf("check errors %q, want one naming olevska.xlsx and AF2", errs)
	}
	p, ps := LoadProject(dir, "")
	if ps.Errors() > 0 {
		t.Fatalf("load: %v", ps)
	}
	eo, err := ProjectEstimateOptions(p, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, com := range p.Communities {
		_, aps := ReadAndAssess(p, com, "", eo, hromada.English)
		if failed := aps.Errors() > 0; failed != (com.Code == olevska) {
			t.Errorf("%s: assessment failed %v, want %v (%v)", com.Code, failed, com.Code == olevska, aps)
		}
		if com.Code == olevska && (aps.Errors() != 1 || aps[0].Error() != errs[0]) {
			t.Errorf("the run's error %v, want the check's %q", aps, errs[0])
		}
	}
}

// TestLoadProjectChecksTheQuestionnaire: a group whose column is not a
// question of the questionnaire is a warning of the check and of the run,
// which both load the project with LoadProject.
func TestLoadProjectChecksTheQuestionnaire(t *testing.T) {
	dir := exampleCopy(t)
	// survey!B15 names the question of the group idp.
	if err := workbook.Edit(filepath.Join(dir, project.FormFile), map[string]string{"survey!B15": "idp_status"}); err != nil {
		t.Fatal(err)
	}
	_, ps := LoadProject(dir, "")
	var found bool
	for _, p := range ps {
		found = found || p.Severity == hromada.Warning && strings.Contains(p.Msg.EN, `group idp: column "idp" is not a question`)
	}
	if !found || ps.Errors() > 0 {
		t.Errorf("problems %v, want a warning of group idp's column and no error", ps)
	}
}

// TestSplitProblems: a problem naming a community of the project stops
// that community only; one naming no community, or an unknown code,
// concerns the whole project.
func TestSplitProblems(t *testing.T) {
	p := &project.Project{Communities: []project.Community{{Community: hromada.Community{Code: "UA1"}}, {Community: hromada.Community{Code: "UA2"}}}}
	ps := hromada.Problems{
		{Msg: hromada.Text{EN: "settings"}},
		{Community: "UA2", Msg: hromada.Text{EN: "registry of UA2"}},
		{Community: "UA9", Msg: hromada.Text{EN: "registry of an unknown code"}},
		{Community: "UA1", Msg: hromada.Text{EN: "survey of UA1"}},
		{Community: "UA2", Msg: hromada.Text{EN: "survey of UA2"}},
	}
	global, own := SplitProblems(p, ps)
	if len(global) != 2 || global[0].Msg.EN != "settings" || global[1].Msg.EN != "registry of an unknown code" {
		t.Errorf("global %v, want settings and the unknown code", global)
	}
	if len(own["UA1"]) != 1 || len(own["UA2"]) != 2 {
		t.Errorf("own %v, want 1 of UA1 and 2 of UA2", own)
	}
	all := ProblemsOf(own)
	if len(all) != 3 || all[0].Community != "UA1" || all[2].Msg.EN != "survey of UA2" {
		t.Errorf("ProblemsOf %v, want UA1's then UA2's", all)
	}
}

// TestForEach: every index is done once, whatever the number of jobs.
func TestForEach(t *testing.T) {
	for _, jobs := range []int{0, 1, 3, 50} {
		done := make([]int, 17)
		ForEach(len(done), jobs, func(i int) { done[i]++ })
		for i, n := range done {
			if n != 1 {
				t.Errorf("jobs %d: index %d done %d times", jobs, i, n)
			}
		}
	}
}
