package main

import (
	"fmt"
	"math"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/catalogue"
	"github.com/hromada-tool/hromada/plan"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook"
)

// planSettings are what a plan needs besides demand and inventory.
type planSettings struct {
	firstYear, years int
	fteStep          float64
	targets          []project.Target
	posts            []project.Post
	groups           []hromada.Group
	known            []project.KnownClient
}

func projectPlanSettings(p *project.Project) planSettings {
	ps := planSettings{firstYear: p.FirstYear, years: p.Years, fteStep: p.FTEStep, targets: p.Targets, posts: p.Posts, known: p.Known}
	for _, g := range p.Groups {
		ps.groups = append(ps.groups, g.Group)
	}
	return ps
}

// planInput builds the plan input of a community from the Demand rows of
// its assessment workbook (as a person may have edited them) and the
// inventory. A service's demand is its union row ("any": every person
// counted once); without target groups, its "all" row. Services are those
// of the catalogue that the assessment has.
func planInput(com hromada.Community, rows []workbook.DemandRow, providers []project.Provider, cat *catalogue.Catalogue, s planSettings) (plan.Input, hromada.Problems) {
	in := plan.Input{Community: com, FirstYear: s.firstYear, Years: s.years, FTEStep: s.fteStep,
		Targets: map[string]plan.Target{}, Posts: map[string][]plan.PostShare{}, Groups: s.groups}
	var problems hromada.Problems
	total := map[string]workbook.DemandRow{}
	hasAny := map[string]bool{}
	var order []string
	groups := map[string][]plan.GroupDemand{}
	known := map[string]bool{}
	for _, g := range s.groups {
		known[g.ID] = true
	}
	for _, r := range rows {
		if _, seen := total[r.Service]; !seen && (r.Group == assess.AnyGroup || r.Group == assess.AllGroup) {
			order = append(order, r.Service)
		}
		switch {
		case r.Group == assess.AnyGroup:
			total[r.Service], hasAny[r.Service] = r, true
		case r.Group == assess.AllGroup:
			if !hasAny[r.Service] {
				total[r.Service] = r
			}
		case known[r.Group]:
			groups[r.Service] = append(groups[r.Service], plan.GroupDemand{Group: r.Group, People: orNaN(r.People, r.Suppressed), Low: orNaN(r.PeopleLow, r.Suppressed), High: orNaN(r.PeopleUpp, r.Suppressed)})
		}
	}
	for _, code := range order {
		svc, ok := cat.Service(code)
		if !ok {
			problems = append(problems, hromada.Problem{Severity: hromada.Warning, Msg: fmt.Sprintf("service %q of the assessment is not in the catalogue; it is left out of the plan", code)})
			continue
		}
		r := total[code]
		if !r.Suppressed && !math.IsNaN(r.People) && (r.People < r.PeopleLow || r.People > r.PeopleUpp) {
			// A person typed over the demand: their figure stands, and the
			// interval, made for the old figure, is dropped.
			problems = append(problems, hromada.Problem{Severity: hromada.Warning, Cell: fmt.Sprintf("row %d", r.Row),
				Msg:  fmt.Sprintf("service %s: the demand %.4g is outside its interval %.4g–%.4g, as after an edit; the demand is used without its interval", code, r.People, r.PeopleLow, r.PeopleUpp),
				Hint: "clear or correct the interval cells if the edit was meant"})
			r.PeopleLow, r.PeopleUpp = math.NaN(), math.NaN()
		}
		in.Services = append(in.Services, plan.ServiceInput{
			Service: svc, Known: !r.Suppressed && !math.IsNaN(r.People),
			Demand: orNaN(r.People, r.Suppressed), DemandLow: orNaN(r.PeopleLow, r.Suppressed), DemandHigh: orNaN(r.PeopleUpp, r.Suppressed),
			Groups: groups[code],
		})
	}
	for _, p := range providers {
		if p.Community != "" && p.Community != com.Code {
			continue
		}
		in.Providers = append(in.Providers, plan.Provider{Community: com.Code, Name: p.Name, Service: p.Service,
			Capacity: p.Capacity, Clients: p.Clients, StaffFTE: p.StaffFTE, Vacancies: p.Vacancies, Ref: p.Ref})
	}
	for _, t := range s.targets {
		in.Targets[t.Service] = plan.Target{Coverage: t.Coverage, Uptake: t.Uptake, Path: plan.Path(t.Path), Years: t.Years, Ramp: t.Ramp}
	}
	in.KnownClients = project.KnownClientsOf(com.Code, s.known)
	in.PostsPer1000High, in.PostsPer1000Source, in.WorkforceGrowthHigh = cat.Parameters().PlanLimits(s.firstYear)
	for _, p := range s.posts {
		in.Posts[p.Service] = append(in.Posts[p.Service], plan.PostShare{Post: p.Post, Share: p.Share})
	}
	return in, problems
}

func orNaN(x float64, suppressed bool) float64 {
	if suppressed {
		return math.NaN()
	}
	return x
}
