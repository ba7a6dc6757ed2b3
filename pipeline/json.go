package pipeline

import (
	"encoding/json"
	"math"
	"slices"

	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/workbook"
)

// CommunityJSON is a community's assessment as JSON prints it.
type CommunityJSON struct {
	Community string            `json:"community"`
	Name      string            `json:"name"`
	Rates     []json.RawMessage `json:"rates"`
	Demand    []assess.Demand   `json:"demand"`
	Union     []assess.Demand   `json:"union"`
}

// ProjectJSON are the assessments as JSON prints them, suppressed
// estimates hidden as their options say.
func ProjectJSON(all []*workbook.Assessment) []CommunityJSON {
	out := []CommunityJSON{}
	for _, a := range all {
		out = append(out, CommunityJSON{
			Community: a.Community.Code, Name: a.Community.Name.In(a.Lang),
			Rates:  PublishedRates(a.Result.Rates, a.Options.Suppress),
			Demand: PublishedDemand(a.Result.Demand, a.Options.Suppress),
			Union:  PublishedDemand(a.Result.Union, a.Options.Suppress),
		})
	}
	return out
}

// PublishedRates applies suppression to rates for output: a suppressed
// estimate has no stat, bounds, standard error or weighted counts, and
// one suppressed for too few respondents has no counts either; the
// reasons stay in flags.
func PublishedRates(rates []assess.Rate, suppress bool) []json.RawMessage {
	out := make([]json.RawMessage, 0, len(rates))
	for _, r := range rates {
		b, err := json.Marshal(r)
		if err != nil {
			continue // Rate.MarshalJSON writes NaN as null; it does not fail
		}
		if suppress && r.Verdict.Suppress {
			var m map[string]any
			if json.Unmarshal(b, &m) == nil {
				for _, k := range []string{"stat", "stat_low", "stat_upp", "se", "n_w", "n_eff", "deff"} {
					m[k] = nil
				}
				if slices.Contains(r.Verdict.Reasons, assess.FlagSmallCount) {
					for _, k := range []string{"n", "n_total", "n_w_total", "n_domain", "n_w_domain"} {
						m[k] = nil
					}
				}
				m["suppressed"] = true
				if nb, err := json.Marshal(m); err == nil {
					b = nb
				}
			}
		}
		out = append(out, b)
	}
	return out
}

// PublishedDemand hides the figures of suppressed demand rows.
func PublishedDemand(ds []assess.Demand, suppress bool) []assess.Demand {
	out := make([]assess.Demand, len(ds))
	for i, d := range ds {
		if suppress && d.Rate.Verdict.Suppress {
			nan := math.NaN()
			d.People, d.PeopleLow, d.PeopleUpp = nan, nan, nan
			d.Rate.Stat, d.Rate.StatLow, d.Rate.StatUpp = nan, nan, nan
		}
		out[i] = d
	}
	return out
}
