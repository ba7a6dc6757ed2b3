package pipeline

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/workbook/assessbook"
)

func rate(service string, suppress bool, reasons ...assess.Flag) assess.Rate {
	return assess.Rate{Service: service, Group: assess.AllGroup, Stat: 0.25, StatLow: 0.1, StatUpp: 0.4, SE: 0.07, N: 3, NTotal: 12, NW: 30, NWTotal: 120,
		Deff: 1.5, NEff: 8, NDomain: 12, NWDomain: 120, Verdict: assess.Verdict{Suppress: suppress, Reasons: reasons}}
}

// TestPublishedRates: JSON prints a suppressed estimate with null
// figures: no stat, bounds, standard error, weighted count, effective
// size or design effect, and no counts either, whatever the reason. The
// reasons stay; an estimate that is not
// suppressed, or any with suppression off, prints whole.
func TestPublishedRates(t *testing.T) {
	figures := []string{"stat", "stat_low", "stat_upp", "se", "n_w", "n_eff", "deff"}
	counts := []string{"n", "n_total", "n_w_total", "n_domain", "n_w_domain"}
	tests := []struct {
		name               string
		rate               assess.Rate
		suppress           bool
		nullFigures, nullN bool
	}{
		{"reliable", rate("001.0", false), true, false, false},
		// Every suppressed row hides its counts alike, whatever the reason:
		// a small cell cannot be told from the others.
		{"unreliable", rate("001.0", true, assess.FlagWideCI), true, true, true},
		{"too few respondents", rate("001.0", true, assess.FlagWideCI, assess.FlagSmallCount), true, true, true},
		{"suppression off", rate("001.0", true, assess.FlagSmallCount), false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := PublishedRates([]assess.Rate{tt.rate}, tt.suppress, 5)
			var m map[string]any
			if err := json.Unmarshal(out[0], &m); err != nil {
				t.Fatal(err)
			}
			for _, k := range figures {
				if isNull := m[k] == nil; isNull != tt.nullFigures {
					t.Errorf("%s = %v, want null: %v", k, m[k], tt.nullFigures)
				}
			}
			for _, k := range counts {
				if isNull := m[k] == nil; isNull != tt.nullN {
					t.Errorf("%s = %v, want null: %v", k, m[k], tt.nullN)
				}
			}
			if got, _ := m["suppressed"].(bool); got != tt.nullFigures {
				t.Errorf("suppressed = %v, want %v", m["suppressed"], tt.nullFigures)
			}
			if !tt.nullFigures && m["stat"] != 0.25 {
				t.Errorf("stat = %v, want 0.25", m["stat"])
			}
			if m["service"] != "001.0" {
				t.Errorf("service = %v, want 001.0", m["service"])
			}
		})
	}
}

// TestPublishedDemand: a suppressed demand has no people and no rate;
// the count it would multiply stays.
func TestPublishedDemand(t *testing.T) {
	ds := []assess.Demand{
		demand("001.0", assess.AllGroup, 8000, 0.1, 0.01, false),
		demand("002.0", assess.AllGroup, 8000, 0.01, 0.01, true),
	}
	for _, suppress := range []bool{true, false} {
		out := PublishedDemand(ds, suppress, 5)
		if out[0].People != 800 || out[0].Rate.Stat != 0.1 {
			t.Errorf("suppress=%v: reliable demand %v at %v, want 800 at 0.1", suppress, out[0].People, out[0].Rate.Stat)
		}
		hidden := math.IsNaN(out[1].People) && math.IsNaN(out[1].PeopleLow) && math.IsNaN(out[1].PeopleUpp) &&
			math.IsNaN(out[1].Rate.Stat) && math.IsNaN(out[1].Rate.StatLow) && math.IsNaN(out[1].Rate.StatUpp)
		if hidden != suppress || out[1].Count != 8000 {
			t.Errorf("suppress=%v: unreliable demand %+v, hidden %v", suppress, out[1], hidden)
		}
		// The rate of a hidden demand has no counts in JSON either.
		b, err := json.Marshal(out[1])
		if err != nil {
			t.Fatal(err)
		}
		var m struct{ Rate map[string]any }
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		if (m.Rate["n"] == nil) != suppress || (m.Rate["n_total"] == nil) != suppress {
			t.Errorf("suppress=%v: demand's rate n %v n_total %v", suppress, m.Rate["n"], m.Rate["n_total"])
		}
	}
	if ds[1].People != 80 {
		t.Errorf("the demand given changed: %v, want 8000 × 0.01 = 80", ds[1].People)
	}
}

// TestProjectJSON: each community's rates and demand, suppressed as its
// workbook options say.
func TestProjectJSON(t *testing.T) {
	a := &assessbook.Assessment{Lang: hromada.English, Community: hromada.Community{Code: "UA1", Name: hromada.Text{UK: "Олевська", EN: "Olevska"}},
		Options: assessbook.AssessOptions{Suppress: true},
		Result: assess.Result{Rates: []assess.Rate{rate("001.0", true, assess.FlagWideCI)},
			Demand: []assess.Demand{demand("001.0", assess.AllGroup, 8000, 0.25, 0.07, true)},
			Union:  []assess.Demand{demand("001.0", assess.AnyGroup, 900, 0.25, 0.07, true)}}}
	out := ProjectJSON([]*assessbook.Assessment{a})
	if len(out) != 1 || out[0].Community != "UA1" || out[0].Name != "Olevska" {
		t.Fatalf("communities %+v", out)
	}
	var m map[string]any
	if err := json.Unmarshal(out[0].Rates[0], &m); err != nil || m["stat"] != nil {
		t.Errorf("rate %s, want stat null", out[0].Rates[0])
	}
	if !math.IsNaN(out[0].Demand[0].People) || !math.IsNaN(out[0].Union[0].People) {
		t.Errorf("demand %v and union %v, want hidden", out[0].Demand[0].People, out[0].Union[0].People)
	}
}
