package pipeline

import (
	"math"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/consolidate"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook/assessbook"
)

// TestSlug: a community's files are named by its English name in lower
// case, runs of other characters as one hyphen; else by its code.
func TestSlug(t *testing.T) {
	tests := []struct {
		en, code, want string
	}{
		{"Olevska", "UA18060190000071101", "olevska"},
		{"  Novohrad-Volynskyi (city) ", "UA1", "novohrad-volynskyi-city"},
		{"Олевська", "UA18060190000071101", "ua18060190000071101"},
		{"", "", "community"},
		{"", "../../pwned", "pwned"}, // a code reaches a file name only made safe
		{"", `..\..\pwned`, "pwned"},
	}
	for _, tt := range tests {
		if got := Slug(hromada.Community{Code: tt.code, Name: hromada.Text{EN: tt.en}}); got != tt.want {
			t.Errorf("Slug(%q, %q) = %q, want %q", tt.en, tt.code, got, tt.want)
		}
	}
}

// TestWorkbookPath: a stage's workbook is <slug>-<kind>.xlsx in the
// folder.
func TestWorkbookPath(t *testing.T) {
	c := hromada.Community{Code: "UA1", Name: hromada.Text{EN: "Olevska"}}
	for kind, want := range map[string]string{Assessment: "olevska-assessment.xlsx", Plan: "olevska-plan.xlsx", Budget: "olevska-budget.xlsx"} {
		if got := WorkbookPath("out", c, kind); got != filepath.Join("out", want) {
			t.Errorf("WorkbookPath(out, Olevska, %s) = %s, want out/%s", kind, got, want)
		}
	}
}

// TestTopNeed: the highest need among all households, leaving out
// suppressed and unestimated rates and other groups' rates.
func TestTopNeed(t *testing.T) {
	r := func(service, group string, stat float64, suppress bool) assess.Rate {
		return assess.Rate{Service: service, Group: group, Stat: stat, Verdict: assess.Verdict{Suppress: suppress}}
	}
	rates := []assess.Rate{
		r("001.0", assess.AllGroup, 0.2, false),
		r("002.0", assess.AllGroup, 0.5, true), // the highest, but suppressed
		r("003.0", "idp", 0.9, false),          // a group's
		r("004.0", assess.AllGroup, math.NaN(), false),
		r("005.0", assess.AllGroup, 0.3, false), // the highest left: 0.3 > 0.2
	}
	tests := []struct {
		suppress bool
		want     string
	}{{true, "005.0"}, {false, "002.0"}}
	for _, tt := range tests {
		a := &assessbook.Assessment{Options: assessbook.AssessOptions{Suppress: tt.suppress}, Result: assess.Result{Rates: rates}}
		if got, ok := TopNeed(a); !ok || got.Service != tt.want {
			t.Errorf("suppress=%v: top %s (%v), want %s", tt.suppress, got.Service, ok, tt.want)
		}
	}
	if _, ok := TopNeed(&assessbook.Assessment{Result: assess.Result{Rates: rates[2:4]}}); ok {
		t.Error("a top need without any estimate among all households")
	}
}

// TestRunCommunity runs the example's Olevska through every stage, and
// stops a community with an error of its own at the check.
func TestRunCommunity(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a community of the example")
	}
	p, eo := exampleProject(t)
	var mu sync.Mutex
	var stages []string
	r := &Run{Project: p, Lang: hromada.English, Estimate: eo, Plan: ProjectPlanSettings(p), Out: t.TempDir(),
		Own: map[string]hromada.Problems{p.Communities[0].Code: {{Community: p.Communities[0].Code, Msg: hromada.Text{EN: "a registry row of this community is wrong"}}}},
		Stage: func(i int, stage string) {
			mu.Lock()
			defer mu.Unlock()
			stages = append(stages, stage)
		}}
	i := slices.IndexFunc(p.Communities, func(c project.Community) bool { return c.Code == olevska })
	cr := r.Community(i)
	if cr.Row.Status != consolidate.OK || cr.Problems.Errors() > 0 {
		t.Fatalf("Olevska: %s at %s: %v", cr.Row.Status, cr.Row.Stage, cr.Problems)
	}
	if want := []string{"olevska-assessment.xlsx", "olevska-plan.xlsx", "olevska-budget.xlsx"}; !slices.Equal(cr.Row.Files, want) {
		t.Errorf("files %v, want %v", cr.Row.Files, want)
	}
	if want := []string{StageAssess, StagePlan, StageBudget}; !slices.Equal(stages, want) {
		t.Errorf("stages %v, want %v", stages, want)
	}
	if cr.Row.Households == 0 || len(cr.Row.Needs) != len(NeedGroups(p)) || len(cr.Row.Services) == 0 || len(cr.Row.Total) != p.Years || !cr.HasTop {
		t.Errorf("row %+v lacks the assessment, plan or budget", cr.Row)
	}
	if cr.Row.Warnings != len(cr.Problems) {
		t.Errorf("warnings %d, want the %d problems", cr.Row.Warnings, len(cr.Problems))
	}

	bad := r.Community(0)
	if bad.Row.Status != consolidate.Failed || bad.Row.Stage != StageCheck || len(bad.Row.Files) != 0 ||
		len(bad.Row.Problems) != 1 || !strings.Contains(bad.Row.Problems[0], "registry row of this community") {
		t.Errorf("a community with an error of its own: %+v", bad.Row)
	}
	// In a Ukrainian run the Status sheet says it in Ukrainian.
	r.Lang = hromada.Ukrainian
	r.Own[p.Communities[0].Code][0].Msg.UK = "рядок реєстру цієї громади хибний"
	if bad := r.Community(0); len(bad.Row.Problems) != 1 || bad.Row.Problems[0] != "рядок реєстру цієї громади хибний" {
		t.Errorf("problems of a failed community in a Ukrainian run: %q", bad.Row.Problems)
	}
}

// TestStaleLine: the leftovers of an earlier run are named together, first;
// a workbook made from another version of its source is named with that
// source; each language says it in its own words.
func TestStaleLine(t *testing.T) {
	tests := []struct {
		stale  []Stale
		uk, en string
	}{
		{[]Stale{{File: "a-plan.xlsx"}, {File: "a-budget.xlsx"}},
			"застарілі, з попереднього запуску: a-plan.xlsx, a-budget.xlsx",
			"out of date, from an earlier run: a-plan.xlsx, a-budget.xlsx"},
		{[]Stale{{File: "a-plan.xlsx", From: "a-assessment.xlsx"}, {File: "a-budget.xlsx", From: "a-plan.xlsx"}},
			"a-plan.xlsx застаріла: зроблена з іншої версії a-assessment.xlsx; a-budget.xlsx застаріла: зроблена з іншої версії a-plan.xlsx",
			"a-plan.xlsx is out of date: made from another version of a-assessment.xlsx; a-budget.xlsx is out of date: made from another version of a-plan.xlsx"},
		{[]Stale{{File: "a-budget.xlsx", From: "a-plan.xlsx"}, {File: "a-assessment.xlsx"}},
			"застарілі, з попереднього запуску: a-assessment.xlsx; a-budget.xlsx застаріла: зроблена з іншої версії a-plan.xlsx",
			"out of date, from an earlier run: a-assessment.xlsx; a-budget.xlsx is out of date: made from another version of a-plan.xlsx"},
	}
	for _, tt := range tests {
		got := StaleLine(tt.stale)
		if got.UK != tt.uk || got.EN != tt.en {
			t.Errorf("StaleLine(%v) = %q / %q, want %q / %q", tt.stale, got.UK, got.EN, tt.uk, tt.en)
		}
	}
}

// exampleProject loads the example project and its estimation settings.
func exampleProject(t *testing.T) (*project.Project, EstimateOptions) {
	t.Helper()
	p, ps := LoadProject(filepath.Join("..", "examples", "zhytomyr"), "")
	if ps.Errors() > 0 {
		t.Fatal(ps)
	}
	eo, err := ProjectEstimateOptions(p, false)
	if err != nil {
		t.Fatal(err)
	}
	return p, eo
}
