package pipeline

import (
	"testing"
	"time"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/project"
)

// TestCommunityAssessOptionsRegistryUnit: a group counted in several
// units takes as the base of its demand the count in its own unit,
// whether that row comes first or last; a group with one count, or one
// the project does not define, takes its first count.
func TestCommunityAssessOptionsRegistryUnit(t *testing.T) {
	asOf := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	reg := func(com, group string, unit hromada.Unit, n float64) project.RegistryCount {
		return project.RegistryCount{Community: com, Group: group, Unit: unit, Count: n, AsOf: asOf, Source: "registry " + group}
	}
	p := &project.Project{
		Groups: []project.Group{
			{Group: hromada.Group{ID: "idp", Unit: hromada.Person}},
			{Group: hromada.Group{ID: "disability", Unit: hromada.Person}},
			{Group: hromada.Group{ID: "large", Unit: hromada.Family}},
		},
		Needs: []project.Need{
			{Service: hromada.Service{Code: "001.0", Unit: hromada.Family}},
			{Service: hromada.Service{Code: "014.0", Unit: hromada.Child}},
		},
		Registry: []project.RegistryCount{
			reg("UA1", "idp", hromada.Family, 300),        // idp: families first,
			reg("UA1", "idp", hromada.Person, 900),        // its own unit later: 900 persons
			reg("UA1", "idp", hromada.Person, 950),        // a second count in its unit: the first stays
			reg("UA1", "disability", hromada.Person, 120), // own unit first: 120 persons
			reg("UA1", "disability", hromada.Family, 100),
			reg("UA1", "large", hromada.Person, 500),           // only in persons: 500 persons
			reg("UA1", assess.AllGroup, hromada.Person, 20000), // all households are counted in families:
			reg("UA1", assess.AllGroup, hromada.Family, 8000),  // 8000 families
			reg("UA1", "veterans", hromada.Family, 40),         // not a group of the project: the first,
			reg("UA1", "veterans", hromada.Person, 90),         // 40 families
			reg("UA2", "large", hromada.Family, 77),            // another community
		},
	}
	eo := EstimateOptions{CI: assess.Wilson, Level: 0.9, MinCount: 10}
	opt, registry := CommunityAssessOptions(p, project.Community{Community: hromada.Community{Code: "UA1"}}, eo)
	want := map[string]assess.Count{
		"idp":           {Value: 900, Unit: hromada.Person},
		"disability":    {Value: 120, Unit: hromada.Person},
		"large":         {Value: 500, Unit: hromada.Person},
		assess.AllGroup: {Value: 8000, Unit: hromada.Family},
		"veterans":      {Value: 40, Unit: hromada.Family},
	}
	if len(opt.Counts) != len(want) {
		t.Errorf("%d counts, want %d: %v", len(opt.Counts), len(want), opt.Counts)
	}
	for g, w := range want {
		c := opt.Counts[g]
		if c.Value != w.Value || c.Unit != w.Unit || c.AsOf != "2026-01-01" || c.Source != "registry "+g {
			t.Errorf("count of %s = %+v, want %v %s of 2026-01-01 from %q", g, c, w.Value, w.Unit, "registry "+g)
		}
	}
	// The workbook lists every row of the community, in order.
	if len(registry) != 10 || registry[1].Count != 900 || registry[9].Group != "veterans" {
		t.Errorf("registry rows %+v, want UA1's 10 in order", registry)
	}
	if opt.Units["014.0"] != hromada.Child || opt.Units["001.0"] != hromada.Family {
		t.Errorf("units %v, want 014.0 in children, 001.0 in families", opt.Units)
	}
	if opt.CI != assess.Wilson || opt.Level != 0.9 || opt.MinCount != 10 {
		t.Errorf("options %+v, want wilson 0.9 10", opt)
	}
}

// TestEstimateOptionsReport: the workbook states the defaults of unset
// options (95 %, assess.DefaultMinCount).
func TestEstimateOptionsReport(t *testing.T) {
	tests := []struct {
		eo       EstimateOptions
		level    float64
		min      int
		suppress bool
	}{
		{EstimateOptions{}, 0.95, assess.DefaultMinCount, false},
		{EstimateOptions{Level: 0.9, MinCount: 12, Suppress: true}, 0.9, 12, true},
	}
	for _, tt := range tests {
		r := tt.eo.Report()
		if r.Level != tt.level || r.MinCount != tt.min || r.Suppress != tt.suppress {
			t.Errorf("%+v: report %+v, want level %v, min %d, suppress %v", tt.eo, r, tt.level, tt.min, tt.suppress)
		}
	}
}

// TestProjectEstimateOptions: --no-suppress overrides the project's
// suppression; an unknown interval method is an error.
func TestProjectEstimateOptions(t *testing.T) {
	p := &project.Project{Survey: project.SurveySettings{CI: "beta", Level: 0.9, MinCount: 7, Suppress: true}}
	for _, noSuppress := range []bool{false, true} {
		eo, err := ProjectEstimateOptions(p, noSuppress)
		if err != nil || eo.CI != assess.Beta || eo.Level != 0.9 || eo.MinCount != 7 || eo.Suppress == noSuppress {
			t.Errorf("noSuppress=%v: %+v, %v; want beta 0.9 7 suppress=%v", noSuppress, eo, err, !noSuppress)
		}
	}
	p.Survey.CI = "bootstrap"
	if _, err := ProjectEstimateOptions(p, false); err == nil {
		t.Error("CI method bootstrap: no error")
	}
}
