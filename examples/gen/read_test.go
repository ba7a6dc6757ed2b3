package main

import (
	"math"
	"path/filepath"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/examples/internal/sim"
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
		checkRoster(t, f, path, s)
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

// checkRoster reads the roster sheet of a survey file as Kobo's export
// lays it out and checks it against the households the generator drew:
// one row per member of every household that agreed to the interview, in
// order, tied to its household by _parent_index and _submission__uuid,
// with the member's age and the services the member needs; and a
// household needs a member-level service on the main sheet exactly when
// one of its members needs it on the roster.
func checkRoster(t *testing.T, f *xlsx.File, path string, s *sim.Survey) {
	t.Helper()
	tab, err := kobo.OpenTable(f, project.RosterSheet)
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	col := map[string]int{}
	for _, name := range []string{"_parent_index", "_submission__uuid", "member_age", "member_disability"} {
		if col[name], err = tab.Lookup(name); err != nil {
			t.Fatalf("%s roster: column %s: %v", path, name, err)
		}
	}
	needs, ok := tab.SelectMultiple(project.MemberNeedsQuestion)
	if !ok || needs.Parent < 0 || len(needs.Options) != len(project.MemberNeedOptions)+1 {
		t.Fatalf("%s roster: member_needs columns %+v, want the codes column and %d options", path, needs, len(project.MemberNeedOptions)+1)
	}
	option := map[string]int{}
	for k, o := range project.NeedOptions {
		option[o.Key] = k
	}
	seen := make([]int, len(s.Interviews)) // roster rows read per household
	clients := make([]map[string]int, len(s.Interviews))
	prev := 0
	for tab.Next() {
		p, _, err := tab.Number(col["_parent_index"])
		if err != nil || p < 1 || int(p) > len(s.Interviews) || int(p) < prev {
			t.Fatalf("%s roster line %d: _parent_index %v (%v), households 1–%d in order", path, tab.Line(), p, err, len(s.Interviews))
		}
		prev = int(p)
		i := int(p) - 1
		iv := s.Interviews[i]
		if !iv.Consent || seen[i] >= len(iv.Household.Members) {
			t.Fatalf("%s roster line %d: a member row for household %v, which refused or has %d members", path, tab.Line(), p, len(iv.Household.Members))
		}
		m := iv.Household.Members[seen[i]]
		seen[i]++
		if got := tab.Row()[col["_submission__uuid"]]; got != iv.UUID {
			t.Fatalf("%s roster line %d: uuid %s, household's %s", path, tab.Line(), got, iv.UUID)
		}
		if age, _, err := tab.Number(col["member_age"]); err != nil || int(age) != m.Age {
			t.Fatalf("%s roster line %d: age %v (%v), want %d", path, tab.Line(), age, err, m.Age)
		}
		if clients[i] == nil {
			clients[i] = map[string]int{}
		}
		for _, key := range project.MemberNeedOptions {
			a, err := tab.Selected(needs, key)
			if err != nil {
				t.Fatal(err)
			}
			want := kobo.NotSelected
			if m.Needs != nil && m.Needs[option[key]] {
				want = kobo.Selected
			}
			if a != want {
				t.Fatalf("%s roster line %d: %s is %v, want %v", path, tab.Line(), key, a, want)
			}
			if a == kobo.Selected {
				clients[i][key]++
			}
		}
	}
	if err := tab.Err(); err != nil {
		t.Fatal(err)
	}
	for i, iv := range s.Interviews {
		if !iv.Consent {
			continue
		}
		if seen[i] != len(iv.Household.Members) {
			t.Errorf("%s roster: household %d has %d member rows, %d members", path, i+1, seen[i], len(iv.Household.Members))
		}
		for _, key := range project.MemberNeedOptions {
			if need := iv.Household.Needs[option[key]]; need != (clients[i][key] > 0) {
				t.Errorf("%s: household %d needs %s: %v on the main sheet, %d members on the roster", path, i+1, key, need, clients[i][key])
			}
		}
	}
}

// TestExampleLoads reads the generated project as hromada does and wants
// no problem at all, not even a warning: the example is what a correctly
// filled-in project looks like.
func TestExampleLoads(t *testing.T) {
	dir, _ := generated(t)
	p, problems := project.Load(dir, project.LoadOptions{})
	for _, pr := range problems {
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
		truth := targetDemand(ex.Communities[i], ex.Units)
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

// targetDemand returns how many clients in any default group need each
// service (a family with children, or a low-income household: the other
// groups are families with children), in the service's unit: families, or
// for a service counted in children or persons the members who need it,
// as the roster counts them.
func targetDemand(c *community, units []hromada.Unit) []float64 {
	d := make([]float64, len(project.NeedOptions))
	for _, s := range c.Settlements {
		for i := range s.Households {
			h := &s.Households[i]
			if !h.InGroup() {
				continue
			}
			for k, y := range h.Needs {
				switch {
				case !y:
				case units[k] == hromada.Family:
					d[k]++
				default:
					d[k] += float64(h.Clients(k))
				}
			}
		}
	}
	return d
}
