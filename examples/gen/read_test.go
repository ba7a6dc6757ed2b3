package main

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/internal/xlsx"
	"github.com/hromada-tool/hromada/kobo"
	"github.com/hromada-tool/hromada/project"
)

// TestSurveysReadBack reads every survey file with the reader hromada
// uses, finding the columns by the questionnaire's names as the default
// settings do, and checks the answers against what the generator drew.
func TestSurveysReadBack(t *testing.T) {
	dir, ex := generated(t)
	for _, s := range ex.Surveys {
		path := filepath.Join(dir, surveyFile(s.Community.Place))
		f, err := kobo.Open(path, xlsx.OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		tab, err := kobo.OpenTable(f, "")
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for _, name := range []string{"weight", "stratum", "settlement", "hromada", "n_children", "hh_size", "consent"} {
			if col[name], err = tab.Lookup(name); err != nil {
				t.Fatalf("%s: column %s: %v", path, name, err)
			}
		}
		groups := map[string]int{}
		for _, g := range project.DefaultGroups {
			if groups[g.Column], err = tab.Lookup(g.Column); err != nil {
				t.Fatalf("%s: group column %s: %v", path, g.Column, err)
			}
		}
		needs, ok := tab.SelectMultiple(project.NeedsQuestion)
		if !ok || needs.Parent < 0 || len(needs.Options) != len(project.NeedOptions)+1 {
			t.Fatalf("%s: needs columns %+v, want the codes column and %d options", path, needs, len(project.NeedOptions)+1)
		}
		row := 0
		var sumW float64
		for tab.Next() {
			iv := s.Interviews[row]
			row++
			w, _, err := tab.Number(col["weight"])
			if err != nil {
				t.Fatal(err)
			}
			sumW += w
			if got := tab.Row()[col["settlement"]]; got != iv.Settlement.Name {
				t.Fatalf("%s row %d: settlement %q, want %q", path, row, got, iv.Settlement.Name)
			}
			for k, o := range project.NeedOptions {
				a, err := tab.Selected(needs, o.Key)
				if err != nil {
					t.Fatal(err)
				}
				want := kobo.NotAsked
				if iv.Consent {
					want = kobo.NotSelected
					if iv.Household.Needs[k] {
						want = kobo.Selected
					}
				}
				if a != want {
					t.Fatalf("%s row %d: %s is %v, want %v", path, row, o.Key, a, want)
				}
			}
		}
		if err := tab.Err(); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		if row != len(s.Interviews) {
			t.Errorf("%s: read %d rows, wrote %d", path, row, len(s.Interviews))
		}
		households := float64(s.Design[0].Households + s.Design[1].Households)
		if math.Abs(sumW-households)/households > 1e-3 {
			t.Errorf("%s: weights read sum to %.1f, households %.0f", path, sumW, households)
		}
	}
}

// TestExampleLoads reads the generated project as hromada does and wants
// no problem at all, not even a warning: the example is what a correctly
// filled-in project looks like. Until the generator writes the roster of
// household members, the warning that a child or person service counts
// one client per household in need is expected.
func TestExampleLoads(t *testing.T) {
	dir, _ := generated(t)
	p, problems := project.Load(dir, project.LoadOptions{})
	for _, pr := range problems {
		if pr.Severity == hromada.Warning && strings.Contains(pr.Msg, "each household in need counts as one client") {
			continue
		}
		t.Errorf("%s: %v", pr.Severity, pr)
	}
	if len(p.Communities) != len(places) {
		t.Errorf("loaded %d communities, want %d", len(p.Communities), len(places))
	}
}

// TestAssessmentCoversTruth reads each community's survey as hromada's
// project mode does, estimates the need of the target groups with
// package assess, and compares with the synthetic population, which
// hromada never sees: most 95 % intervals of the union's demand (in
// families) must hold the true number. It fails when the weights, the
// strata, the clusters or the way refusals and "don't know" are written
// do not mean what the README says.
func TestAssessmentCoversTruth(t *testing.T) {
	dir, ex := generated(t)
	p, problems := project.Load(dir, project.LoadOptions{})
	if problems.Errors() > 0 {
		t.Fatal(problems)
	}
	index := map[string]int{} // service code → needs option
	for k, o := range project.NeedOptions {
		sv, ok := p.Catalogue.ByKey(o.Key)
		if !ok {
			t.Fatalf("no service with key %s", o.Key)
		}
		index[sv.Code] = k
	}
	covered, total := 0, 0
	for i, c := range p.Communities {
		s, problems := project.ReadSurvey(p.SurveyMap(c, ""))
		if problems.Errors() > 0 {
			t.Fatalf("%s: %v", c.SurveyFile, problems)
		}
		if s.Rows != len(ex.Surveys[i].Interviews) {
			t.Errorf("%s: %d households read, %d written", c.SurveyFile, s.Rows, len(ex.Surveys[i].Interviews))
		}
		res, err := assess.Analyse(s.Survey, assess.Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.SurveyFile, err)
		}
		truth := targetDemand(ex.Communities[i])
		for _, d := range res.Union {
			k, ok := index[d.Service]
			if !ok {
				t.Fatalf("%s: unknown service %s in the union", c.SurveyFile, d.Service)
			}
			total++
			if truth[k] >= d.PeopleLow && truth[k] <= d.PeopleUpp {
				covered++
			} else {
				t.Logf("%s %s: %.0f [%.0f, %.0f], truth %.0f", c.Name.EN, project.NeedOptions[k].Key, d.People, d.PeopleLow, d.PeopleUpp, truth[k])
			}
		}
	}
	if total == 0 || float64(covered) < 0.85*float64(total) {
		t.Errorf("%d of %d intervals hold the true demand, want at least 85 %%", covered, total)
	}
}

// targetDemand returns how many families of c in any default group need
// each service (a family with children, or a low-income household: the
// other groups are families with children).
func targetDemand(c *community) []float64 {
	d := make([]float64, len(project.NeedOptions))
	for _, s := range c.Settlements {
		for i := range s.Households {
			h := &s.Households[i]
			if !h.InGroup() {
				continue
			}
			for k, y := range h.Needs {
				d[k] += b2f(y)
			}
		}
	}
	return d
}
