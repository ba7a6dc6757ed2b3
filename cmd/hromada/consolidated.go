package main

import (
	"math"
	"sort"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/consolidate"
	"github.com/hromada-tool/hromada/plan"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook"
)

// consolidated is the consolidated workbook of a project's run.
func consolidated(p *project.Project, rows []consolidate.Row, eo estimateOptions, lang hromada.Lang) *workbook.Consolidated {
	level := eo.report().Level
	c := &workbook.Consolidated{Lang: lang, Project: p.Name, Level: level, Threshold: p.Budget.Threshold, Rows: rows,
		Totals: consolidate.Sum(rows, level)}
	if c.Threshold == 0 {
		c.Threshold = math.NaN()
	}
	for y := range p.Years {
		c.Years = append(c.Years, p.FirstYear+y)
	}
	groups := assessGroups(p)
	for _, id := range needGroups(p) {
		c.Groups = append(c.Groups, groups[id])
	}
	for _, n := range p.Needs {
		c.Services = append(c.Services, n.Service)
	}
	return c
}

// needGroups are the groups of consolidate.Row.Needs, in order: all
// households, the project's groups, any target group (with groups).
func needGroups(p *project.Project) []string {
	ids := []string{assess.AllGroup}
	for _, g := range p.Groups {
		ids = append(ids, g.ID)
	}
	if len(p.Groups) > 0 {
		ids = append(ids, assess.AnyGroup)
	}
	return ids
}

// familiesInNeed are a community's families in need of at least one
// service, by group (needGroups), from the derived need of assess.AnyNeed.
func familiesInNeed(a *workbook.Assessment, res assess.Result, ids []string) []consolidate.Need {
	by := map[string]assess.Demand{}
	for _, d := range res.Demand {
		by[d.Group] = d
	}
	for _, d := range res.Union {
		by[d.Group] = d
	}
	out := make([]consolidate.Need, len(ids))
	for i, id := range ids {
		d, ok := by[id]
		if !ok {
			out[i] = consolidate.Need{Group: id, Rate: math.NaN(), Families: math.NaN(), Low: math.NaN(), Upp: math.NaN(), SE: math.NaN()}
			continue
		}
		out[i] = consolidate.Need{Group: id, Rate: d.Rate.Stat, Families: d.People, Low: d.PeopleLow, Upp: d.PeopleUpp,
			SE: d.Count * d.Rate.SE, Suppressed: a.Options.Suppress && d.Rate.Verdict.Suppress}
	}
	return out
}

// addPlan fills a community's row with its plan and budget.
func addPlan(row *consolidate.Row, a *workbook.Assessment, cp communityPlan, cb communityBudget) {
	se := map[string]float64{}
	for _, d := range a.Result.Demand {
		if d.Group == assess.AllGroup {
			se[d.Service] = d.Count * d.Rate.SE
		}
	}
	for _, d := range a.Result.Union {
		se[d.Service] = d.Count * d.Rate.SE
	}
	included := map[string]bool{}
	for _, s := range cb.input.Services {
		included[s.Code] = true
	}
	for _, sp := range cp.result.Services {
		hires := 0.0
		for _, y := range sp.Years {
			hires += y.Hires
		}
		sd, ok := se[sp.Service.Code]
		if !ok || sp.Basis != plan.BasisSurvey { // the survey's SE is not that of a count or a floor
			sd = math.NaN()
		}
		row.Services = append(row.Services, consolidate.Service{Code: sp.Service.Code, Demand: sp.Demand, Low: sp.DemandLow, Upp: sp.DemandHigh,
			SE: sd, Action: string(sp.Action), Hires: hires, Included: included[sp.Service.Code]})
	}
	s := cp.result.Summary
	row.Create, row.Enhance, row.Sufficient, row.Unk, row.Hires = s.Create, s.Enhance, s.Sufficient, s.MoreData, s.HireFTE

	res := cb.result
	row.MaxShare = math.NaN()
	row.PerResident = math.NaN()
	for _, t := range res.Totals {
		row.Total = append(row.Total, t.Total)
		row.Donor = append(row.Donor, t.Donor)
		row.State = append(row.State, t.State)
		row.Local = append(row.Local, t.Local)
		if !math.IsNaN(t.ShareOfRevenue) && (math.IsNaN(row.MaxShare) || t.ShareOfRevenue > row.MaxShare) {
			row.MaxShare, row.MaxShareYear = t.ShareOfRevenue, t.Year
		}
		row.OverThreshold = row.OverThreshold || t.OverThreshold
	}
	if n := len(res.Totals); n > 0 {
		row.LocalAfter = res.Totals[n-1].Local
		row.PerResident = res.Totals[n-1].PerResident
	}
	h := res.Horizon
	row.HorizonTotal, row.HorizonDonor, row.HorizonState, row.HorizonLocal = h.Total, h.Donor, h.State, h.Local
	row.CliffYear, row.CliffJump = res.Cliff.Year, res.Cliff.Jump
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
