package pipeline

import (
	"math"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/budget"
	"github.com/hromada-tool/hromada/consolidate"
	"github.com/hromada-tool/hromada/plan"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook/assessbook"
	"github.com/hromada-tool/hromada/workbook/consbook"
	"github.com/hromada-tool/hromada/workbook/planbook"
)

// Consolidated is the consolidated workbook of a project's run, from one
// row per community, with complementary suppression across communities
// (consolidate.Protect) so that no total gives back a suppressed estimate.
func Consolidated(p *project.Project, rows []consolidate.Row, eo EstimateOptions, lang hromada.Lang) *consbook.Consolidated {
	level := eo.Report().Level
	rows = consolidate.Protect(rows)
	c := &consbook.Consolidated{Lang: lang, Project: p.Name, Level: level, Threshold: p.Budget.Threshold, Rows: rows,
		Totals: consolidate.Sum(rows, level)}
	if c.Threshold == 0 {
		c.Threshold = math.NaN()
	}
	for y := range p.Years {
		c.Years = append(c.Years, p.FirstYear+y)
	}
	groups := Groups(p)
	for _, id := range NeedGroups(p) {
		c.Groups = append(c.Groups, groups[id])
	}
	for _, n := range p.Needs {
		c.Services = append(c.Services, n.Service)
	}
	return c
}

// NeedGroups are the groups of consolidate.Row.Needs, in order: all
// households, the project's groups, any target group (with groups).
func NeedGroups(p *project.Project) []string {
	ids := []string{assess.AllGroup}
	for _, g := range p.Groups {
		ids = append(ids, g.ID)
	}
	if len(p.Groups) > 0 {
		ids = append(ids, assess.AnyGroup)
	}
	return ids
}

// FamiliesInNeed are a community's families in need of at least one
// service, by group (NeedGroups), from the derived need of assess.AnyNeed.
// The standard error of the families is the rate's times the count.
func FamiliesInNeed(a *assessbook.Assessment, res assess.Result, ids []string) []consolidate.Need {
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

// AddPlan fills a community's row with its plan and budget: the services
// of the plan (with the standard error of their demand, as demandSE), the
// counts of its actions, and the budget's totals.
//
// The plan's services and their demand come from pl, the plan made from
// the assessment workbook; what the planner decided comes from actions,
// the Actions sheet of the plan workbook as it stands (as budget reads
// it): whether a service is kept, its action and its new posts, and so
// the counts of services to create and to enhance and the new posts —
// those of the kept actions, as the budget costs them. A service on no
// row of actions keeps pl's action and new posts and is not kept.
// Services sufficient and of unknown demand, which the Actions sheet does
// not decide, are counted from pl.
func AddPlan(row *consolidate.Row, a *assessbook.Assessment, pl plan.Result, actions []planbook.PlanAction, res *budget.Result) {
	se := demandSE(a.Result)
	byCode := map[string]planbook.PlanAction{}
	for _, act := range actions {
		byCode[act.Code] = act
	}
	for _, sp := range pl.Services {
		action, hires := string(sp.Action), 0.0
		for _, y := range sp.Years {
			hires += y.Hires
		}
		act, onSheet := byCode[sp.Service.Code]
		if onSheet {
			hires = 0
			for _, y := range act.Years {
				hires += y.Hires
			}
			if act.Action != "" {
				action = string(act.Action)
			}
		}
		sd, ok := se[sp.Service.Code]
		if !ok || sp.Basis != plan.BasisSurvey { // the survey's SE is not that of a count or a floor
			sd = math.NaN()
		}
		row.Services = append(row.Services, consolidate.Service{Code: sp.Service.Code, Demand: sp.Demand, Low: sp.DemandLow, Upp: sp.DemandHigh,
			SE: sd, Basis: string(sp.Basis), Action: action, Hires: hires, Included: onSheet && act.Include})
	}
	row.Create, row.Enhance, row.Hires = 0, 0, 0
	for _, act := range actions {
		if !act.Include {
			continue
		}
		switch act.Action {
		case plan.Create:
			row.Create++
		case plan.Enhance:
			row.Enhance++
		}
		for _, y := range act.Years {
			row.Hires += y.Hires
		}
	}
	row.Sufficient, row.Unk = pl.Summary.Sufficient, pl.Summary.MoreData
	addBudget(row, res)
}

// demandSE is the standard error of each service's demand, in its units:
// the need rate's standard error times the registry count behind it, of
// the union row ("any") where there is one, else of the "all" row — the
// demand the plan is made for.
func demandSE(r assess.Result) map[string]float64 {
	se := map[string]float64{}
	for _, d := range r.Demand {
		if d.Group == assess.AllGroup {
			se[d.Service] = d.Count * d.Rate.SE
		}
	}
	for _, d := range r.Union {
		se[d.Service] = d.Count * d.Rate.SE
	}
	return se
}

// addBudget fills a community's row with its budget's totals.
func addBudget(row *consolidate.Row, res *budget.Result) {
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
