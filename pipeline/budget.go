package pipeline

import (
	"math"
	"path/filepath"
	"slices"
	"time"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/budget"
	"github.com/hromada-tool/hromada/catalogue"
	"github.com/hromada-tool/hromada/internal/safefile"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook"
	"github.com/hromada-tool/hromada/workbook/budgetbook"
	"github.com/hromada-tool/hromada/workbook/planbook"
)

// CommunityBudget is one community's budget with what it was made from.
type CommunityBudget struct {
	Community hromada.Community
	Input     budget.Input
	Result    *budget.Result
	Plan      string // the plan workbook read
	// Actions are the rows of the plan workbook's Actions sheet as read:
	// what the planner kept, the consolidated row's counts (AddPlan).
	Actions []planbook.PlanAction
	// Source is the content fingerprint of the plan workbook as read,
	// which the budget workbook records (workbook.SourceProperty).
	Source   string
	Warnings hromada.Problems // about the inputs, for the workbook (files relative to the project)
	Path     string           // the budget workbook to write
}

// BudgetCommunity reads a community's plan workbook and projects its
// budget.
func BudgetCommunity(p *project.Project, com hromada.Community, planPath string) (CommunityBudget, hromada.Problems) {
	pr, ps := planbook.Read(planPath)
	if ps.Errors() > 0 {
		return CommunityBudget{}, ps
	}
	source, err := workbook.ContentOfFile(planPath)
	if err != nil {
		return CommunityBudget{}, append(ps, hromada.Problem{Severity: hromada.Error, File: planPath, Msg: hromada.ErrText(err)})
	}
	in, ips := BudgetInput(p, com, pr)
	ps = append(ps, ips...)
	if ips.Errors() > 0 {
		return CommunityBudget{}, ps
	}
	res, err := budget.Project(in)
	if err != nil {
		for _, e := range unjoin(err) {
			ps = append(ps, hromada.Problem{File: p.CostsPath(), Msg: hromada.ErrText(e)})
		}
		return CommunityBudget{}, ps
	}
	return CommunityBudget{Community: com, Input: in, Result: res, Plan: planPath, Actions: pr.Actions, Source: source, Warnings: RelProblems(p.Dir, ps)}, ps
}

// DefaultBudgetSettings are the settings' defaults, for a budget made
// without a project.
func DefaultBudgetSettings() project.BudgetSettings {
	return project.BudgetSettings{CPI: math.NaN(), WageGrowth: math.NaN(), Admin: 0.1, Threshold: 0.03}
}

// BudgetInput builds the budget input of a community from its plan
// workbook (as the planner left it) and the project's cost inputs.
//
// The budget costs what the plan adds: for each action the plan includes,
// the new posts (the establishment less the staff the providers have now)
// and the added clients (target clients less the clients served now). The
// local budget already carries the existing staff; counting them again
// would overstate what it must take over from the donor.
func BudgetInput(p *project.Project, com hromada.Community, pr *planbook.PlanRead) (budget.Input, hromada.Problems) {
	var problems hromada.Problems
	in := budget.Input{FirstYear: pr.FirstYear, Years: pr.Years, Population: com.Population, Threshold: p.Budget.Threshold}
	in.Services = addedServices(p, com, pr)
	costRows(p, &in)
	posts := p.SheetNames[project.Posts.Key]
	if posts == "" {
		posts = project.Posts.Name.In(p.Lang)
	}
	for _, code := range missingPosts(in.Services, in.Posts) {
		problems = append(problems, hromada.Problem{File: p.CostsPath(), Sheet: posts,
			Msg: hromada.T("послуга %s є в плані з новим персоналом, але не має посади: витрати на персонал не обчислити",
				"service %s is in the plan with new staff but has no post: its staff cannot be costed", code),
			Hint: hromada.T("додайте посади й оклади послуги на аркуш «%s» або вилучіть цю дію з плану",
				"add the service's posts and salaries to the %s sheet, or leave the action out of the plan", posts)})
	}
	in.Funding.Default = FundingSchedule(p.Funding, com.Code, pr.FirstYear, pr.Years)
	for _, r := range p.Revenue {
		if r.Community == com.Code {
			in.Revenue = budget.Revenue{Year: r.Year, Revenue: r.Revenue, Social: r.Social, Growth: r.Growth}
			break
		}
	}
	in.Params = BudgetParams(p.Budget, p.Catalogue.Parameters(), pr.FirstYear, pr.Years)
	return in, problems
}

// addedServices are the included actions of a plan with what they add,
// year by year: the clients beyond those the community's providers serve
// now, and the posts beyond the staff they have now.
func addedServices(p *project.Project, com hromada.Community, pr *planbook.PlanRead) []budget.Service {
	current := map[string]float64{}
	for _, pv := range p.Providers {
		if pv.Community == com.Code || com.Code == "" {
			current[pv.Service] += pv.Clients
		}
	}
	var out []budget.Service
	for _, a := range pr.Actions {
		if !a.Include {
			continue
		}
		svc := budget.Service{Code: a.Code}
		if row, ok := p.Catalogue.Row(a.Code); ok {
			svc.Programme = row.BudgetProgramme
		}
		for _, y := range a.Years {
			svc.Clients = append(svc.Clients, math.Max(0, y.Clients-current[a.Code]))
			svc.FTE = append(svc.FTE, math.Max(0, y.Staff-a.Existing))
		}
		out = append(out, svc)
	}
	return out
}

// costRows passes the project's cost rows on to in. Cost rows of services
// the plan does not include are passed on too: budget leaves them out of
// every figure and lists them (Result.Skipped), so the workbook says what
// was not costed.
func costRows(p *project.Project, in *budget.Input) {
	for _, po := range p.Posts {
		in.Posts = append(in.Posts, budget.Post{Service: po.Service, Post: po.Post, PostEN: po.PostEN, Share: po.Share, Salary: po.Salary, ExtraMonths: po.ExtraMonths})
	}
	for _, oc := range p.OtherCosts {
		in.Other = append(in.Other, budget.OtherCost{Service: oc.Service, Item: oc.Item, ItemEN: oc.ItemEN, Basis: budget.Basis(oc.Basis), Amount: oc.Amount, KEKV: oc.KEKV})
	}
	for _, st := range p.Startup {
		in.Startup = append(in.Startup, budget.Startup{Service: st.Service, Item: st.Item, ItemEN: st.ItemEN, Amount: st.Amount, Year: st.Year, Life: st.Life, KEKV: st.KEKV})
	}
}

// missingPosts are the services with new posts but no post in the cost
// inputs: their staff cannot be costed.
func missingPosts(services []budget.Service, posts []budget.Post) []string {
	has := map[string]bool{}
	for _, p := range posts {
		has[p.Service] = true
	}
	var out []string
	for _, s := range services {
		staffed := false
		for _, f := range s.FTE {
			staffed = staffed || f > 0
		}
		if staffed && !has[s.Code] {
			out = append(out, s.Code)
		}
	}
	return out
}

// FundingSchedule is the community's donor and state shares by planning
// year from the Funding sheet; a year without a row has none.
func FundingSchedule(rows []project.FundingShare, community string, first, years int) budget.Schedule {
	s := budget.Schedule{Kind: budget.Explicit, Donor: make([]float64, years), State: make([]float64, years)}
	for _, r := range rows {
		if r.Community == community && r.Year >= first && r.Year < first+years {
			s.Donor[r.Year-first], s.State[r.Year-first] = r.Donor, r.State
		}
	}
	return s
}

// BudgetParams are the rates of the projection: the project's settings,
// else the catalogue's dated parameters (minimum wage by month, ЄСВ, the
// State Budget's CPI forecast; the last known forecast holds for later
// years). Wage growth the project does not set is the CPI.
func BudgetParams(b project.BudgetSettings, pars *catalogue.Parameters, first, years int) budget.Params {
	p := budget.Params{
		ESV:   pars.ESVRate(time.Date(first, 1, 1, 0, 0, 0, 0, time.UTC)),
		Admin: b.Admin, CapitalRate: b.CapitalRate, Discount: b.Discount,
	}
	last, lastWage := math.NaN(), math.NaN()
	for y := first - 5; y < first; y++ {
		if c, ok := pars.CPIForecast(y); ok {
			last = c
		}
		if g, ok := pars.WageGrowthForecast(y); ok {
			lastWage = g
		}
	}
	for i := range years {
		y := first + i
		p.MinimumWage = append(p.MinimumWage, pars.MinimumWageMonths(y))
		cpi := b.CPI
		if math.IsNaN(cpi) {
			if c, ok := pars.CPIForecast(y); ok {
				last = c
			}
			cpi = last
		}
		p.CPI = append(p.CPI, cpi)
		wg := b.WageGrowth
		if math.IsNaN(wg) {
			// Pay growth the project does not set: the catalogue's
			// forecast for the year (the minimum-wage path that posts
			// paid near it follow), else the CPI.
			if g, ok := pars.WageGrowthForecast(y); ok {
				lastWage = g
			}
			wg = lastWage
			if math.IsNaN(wg) {
				wg = cpi
			}
		}
		p.WageGrowth = append(p.WageGrowth, wg)
	}
	return p
}

// BudgetWorkbook is the content of a community's budget workbook, with
// the low, base and high scenarios, the ±20 % tornado of the cumulative
// local commitment and the source of every assumption.
func BudgetWorkbook(cb CommunityBudget, p *project.Project, lang hromada.Lang) (*budgetbook.Budget, error) {
	scen, err := budget.Scenarios(cb.Input, budget.Presets(cb.Input))
	if err != nil {
		return nil, hromada.Errorf("%s: сценарії: %w", "%s: scenarios: %w", cb.Community.Name, err)
	}
	bars, err := budget.Tornado(cb.Input, budget.Drivers, 0.2)
	if err != nil {
		return nil, hromada.Errorf("%s: чутливість: %w", "%s: sensitivity: %w", cb.Community.Name, err)
	}
	services := map[string]hromada.Service{}
	for _, s := range p.Catalogue.Services() {
		services[s.Code] = s
	}
	codes := map[string]hromada.Text{}
	plain := map[string][]hromada.Text{}
	for _, c := range p.Catalogue.BudgetCodes() {
		codes[c.Code] = c.Name
		if !c.Plain.IsZero() && !slices.Contains(plain[c.Kind], c.Plain) {
			plain[c.Kind] = append(plain[c.Kind], c.Plain)
		}
	}
	codeSources := map[string]hromada.Text{}
	for kind, ts := range plain {
		codeSources[kind] = hromada.Join("; ", ts...)
	}
	return &budgetbook.Budget{
		Lang: lang, Project: p.Name, Community: cb.Community, Input: cb.Input, Result: *cb.Result,
		Scenarios: scen, Tornado: bars, TornadoStep: 0.2,
		Services: services, Codes: codes, CodeSources: codeSources,
		Sources:  budgetSources(cb, p, lang),
		Warnings: ProblemLines(cb.Warnings, lang), Source: cb.Source,
	}, nil
}

// budgetSources are the sources of a budget's assumptions, in plain words
// of the workbook's language: the file and sheet a figure is read from, or
// the law behind a catalogue value; the research trail of each catalogue
// value stays in catalogue/SOURCES.md.
func budgetSources(cb CommunityBudget, p *project.Project, lang hromada.Lang) budgetbook.BudgetSources {
	tx := func(uk, en string) string { return hromada.Text{UK: uk, EN: en}.In(lang) }
	sheet := func(s project.Sheet) string {
		if n := p.SheetNames[s.Key]; n != "" {
			return n
		}
		return s.Name.In(lang)
	}
	setting := func(key string) string {
		for _, f := range project.Settings.Fields {
			if f.Key == key {
				return project.ProjectFile + ", " + sheet(project.Settings) + ": " + f.Label.In(lang)
			}
		}
		return project.ProjectFile + ", " + sheet(project.Settings) + ": " + key
	}
	cat := tx("каталог hromada, джерела — catalogue/SOURCES.md", "hromada's catalogue, sources in catalogue/SOURCES.md")
	first := cb.Input.FirstYear
	// A catalogue value's source in plain words: those of the rows in
	// force over the budget's years (catalogue source_uk, source_en).
	params := p.Catalogue.Parameters()
	from, to := time.Date(first, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(first+max(cb.Input.Years, 1)-1, 12, 31, 0, 0, 0, 0, time.UTC)
	plain := func(name, fallback string) string {
		ts := params.PlainSources(name, from, to)
		if len(ts) == 0 {
			return fallback + " (" + cat + ")"
		}
		return hromada.Join("; ", ts...).In(lang) + " (" + cat + ")"
	}
	cpi := plain(catalogue.ParamCPIForecast, tx("прогноз зростання споживчих цін", "the consumer price forecast"))
	if !math.IsNaN(p.Budget.CPI) {
		cpi = setting("cpi")
	}
	wage := plain(catalogue.ParamWageGrowthForecast, tx("прогноз зростання мінімальної зарплати", "the minimum wage growth forecast"))
	if _, ok := p.Catalogue.Parameters().WageGrowthForecast(first); !ok {
		wage = tx("як індекс споживчих цін (припущення hromada)", "as the CPI (hromada's assumption)")
	}
	if !math.IsNaN(p.Budget.WageGrowth) {
		wage = setting("wage_growth")
	}
	costs := func(s project.Sheet) string { return project.CostsFile + ", " + sheet(s) }
	return budgetbook.BudgetSources{
		Plan: safefile.Rel(filepath.Dir(cb.Path), cb.Plan) + tx(": ставки, які додає план (штат мінус наявні ставки надавачів), і клієнти, яких він додає",
			": the posts the plan adds (establishment less the staff providers have now) and the clients it adds"),
		Posts:       costs(project.Posts),
		MinimumWage: plain(catalogue.ParamMinimumWage, tx("закон про Державний бюджет на відповідний рік", "the State Budget law of the year")),
		ESV:         plain(catalogue.ParamESV, tx("закон про єдиний соціальний внесок", "the law on the single social contribution")),
		WageGrowth:  wage, CPI: cpi,
		Other:       costs(project.OtherCosts),
		Admin:       setting("admin_share") + tx(" (типово 10 %: припущення hromada)", " (default 10 %: hromada's assumption)"),
		Startup:     costs(project.Startup),
		CapitalRate: setting("capital_rate"),
		Funding:     costs(project.Funding),
		Revenue:     costs(project.Revenue),
		Population:  project.ProjectFile + ", " + sheet(project.Communities) + tx(" (у прикладі — Держстат, 2022)", " (Ukrstat 2022 in the example)"),
		Threshold:   setting("threshold") + tx(" (типово 3 %: припущення hromada)", " (default 3 %: hromada's assumption)"),
		Discount:    setting("discount_rate"),
	}
}
