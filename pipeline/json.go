package pipeline

import (
	"encoding/json"
	"math"

	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/workbook/assessbook"
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
func ProjectJSON(all []*assessbook.Assessment) []CommunityJSON {
	out := []CommunityJSON{}
	for _, a := range all {
		out = append(out, CommunityJSON{
			Community: a.Community.Code, Name: a.Community.Name.In(a.Lang),
			Rates:  PublishedRates(a.Result.Rates, a.Options.Suppress, a.Options.MinCount),
			Demand: PublishedDemand(a.Result.Demand, a.Options.Suppress, a.Options.MinCount),
			Union:  PublishedDemand(a.Result.Union, a.Options.Suppress, a.Options.MinCount),
		})
	}
	return out
}

// PublishedRates applies suppression to rates for output: a suppressed
// estimate has no stat, bounds, standard error or weighted counts, and —
// unless it is "not observed", which publishes its count of 0 and its
// upper bound — no counts of respondents, degrees of freedom or review
// flags either, whatever the reason (assess.Hide), so that a small cell
// cannot be told from any other suppressed one; the suppression reasons
// stay in flags. minCount is the minimum count the estimates were made
// with: a group that small is hidden even when it is "not observed".
func PublishedRates(rates []assess.Rate, suppress bool, minCount int) []json.RawMessage {
	out := make([]json.RawMessage, 0, len(rates))
	for _, r := range rates {
		hide := suppress && r.Verdict.Suppress
		if hide {
			r = assess.Hide(r, minCount) // a small group not observed is hidden too
		}
		b, err := json.Marshal(r)
		if err != nil {
			continue // Rate.MarshalJSON writes NaN as null; it does not fail
		}
		if hide {
			var m map[string]any
			if json.Unmarshal(b, &m) == nil {
				for _, k := range []string{"stat", "stat_low", "stat_upp", "se", "n_w", "n_eff", "deff"} {
					m[k] = nil
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

// PublishedDemand hides the figures of suppressed demand rows: no people
// and no rate, and the rate's counts as PublishedRates hides them.
func PublishedDemand(ds []assess.Demand, suppress bool, minCount int) []assess.Demand {
	out := make([]assess.Demand, len(ds))
	for i, d := range ds {
		if suppress && d.Rate.Verdict.Suppress {
			nan := math.NaN()
			d.People, d.PeopleLow, d.PeopleUpp = nan, nan, nan
			d = assess.HideDemand(d, minCount)
			d.Rate.Stat, d.Rate.StatLow, d.Rate.StatUpp = nan, nan, nan
		}
		out[i] = d
	}
	return out
}
