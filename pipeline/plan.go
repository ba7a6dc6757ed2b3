package pipeline

import (
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/hromada-tool/hromada/workbook"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/catalogue"
	"github.com/hromada-tool/hromada/internal/safefile"
	"github.com/hromada-tool/hromada/plan"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook/assessbook"
	"github.com/hromada-tool/hromada/workbook/planbook"
)

// PlanSettings are what a plan needs besides demand and inventory.
type PlanSettings struct {
	FirstYear, Years int
	FTEStep          float64
	Targets          []project.Target
	Posts            []project.Post
	Groups           []hromada.Group
	Known            []project.KnownClient // the project's known clients (registry.xlsx)
}

// ProjectPlanSettings are the plan settings of a project.
func ProjectPlanSettings(p *project.Project) PlanSettings {
	ps := PlanSettings{FirstYear: p.FirstYear, Years: p.Years, FTEStep: p.FTEStep, Targets: p.Targets, Posts: p.Posts, Known: p.Known}
	for _, g := range p.Groups {
		ps.Groups = append(ps.Groups, g.Group)
	}
	return ps
}

// CommunityPlan is one community's plan with what it was made from.
type CommunityPlan struct {
	Community  hromada.Community
	Result     plan.Result
	Input      plan.Input
	Assessment string           // the assessment workbook read
	Inventory  string           // the inventory file read
	Warnings   hromada.Problems // about the inputs, for the Methods sheet (files relative to the workbook's folder)
	Path       string           // the plan workbook to write
	// Source is the content fingerprint of the assessment workbook as
	// read, which the plan workbook records (workbook.SourceProperty).
	Source string
	// PostsSource and GroupSources are the plain-language sources of the
	// limit of new posts and of the groups' weights (planbook.Plan).
	PostsSource  hromada.Text
	GroupSources map[string]hromada.Text
}

// Workbook is the content of the plan workbook.
func (cp CommunityPlan) Workbook(projectName string, lang hromada.Lang) *planbook.Plan {
	return &planbook.Plan{
		Lang: lang, Project: projectName, Input: cp.Input, Result: cp.Result,
		Assessment: safefile.Rel(filepath.Dir(cp.Path), cp.Assessment), Inventory: safefile.Rel(filepath.Dir(cp.Path), cp.Inventory),
		Catalogue: CatalogueSource.In(lang), Warnings: ProblemLines(cp.Warnings, lang), Source: cp.Source,
		PostsSource: cp.PostsSource, GroupSources: cp.GroupSources,
	}
}

// PlanCommunity reads a community's assessment workbook and makes its
// plan. The problems of the workbook's rows name the workbook.
func PlanCommunity(com hromada.Community, assessment string, providers []project.Provider, cat *catalogue.Catalogue, s PlanSettings) (CommunityPlan, hromada.Problems) {
	rows, ps := assessbook.ReadDemand(assessment)
	if ps.Errors() > 0 {
		return CommunityPlan{}, ps
	}
	source, err := workbook.ContentOfFile(assessment)
	if err != nil {
		return CommunityPlan{}, append(ps, hromada.Problem{Severity: hromada.Error, File: assessment, Msg: hromada.ErrText(err)})
	}
	in, ips := PlanInput(com, rows, providers, cat, s)
	for i := range ips {
		ips[i].File = assessment
	}
	ps = append(ps, ips...)
	res, err := plan.Make(in)
	if err != nil {
		var msgs hromada.Problems
		for _, e := range unjoin(err) {
			msgs = append(msgs, hromada.Problem{File: assessment, Msg: hromada.ErrText(e)})
		}
		return CommunityPlan{}, append(ps, msgs...)
	}
	cp := CommunityPlan{Community: com, Result: res, Input: in, Assessment: assessment, Source: source, Warnings: RelProblems(filepath.Dir(assessment), ps)}
	cp.PostsSource, cp.GroupSources = plainPlanSources(cat, in)
	for _, f := range res.Flags { // on the plan's Summary, and here for the terminal
		ps = append(ps, hromada.Problem{Severity: hromada.Warning, Community: com.Code,
			Msg:  hromada.T("%s: правдоподібність: %s", "%s: plausibility: %s", com.Name, f.Message()),
			Hint: hromada.T("див. аркуш «Підсумок» робочої книги плану", "see the Summary sheet of the plan workbook")})
	}
	return cp, ps
}

// plainPlanSources are the sources, in plain words, of a plan's limit of
// new posts per 1,000 residents (the catalogue's row in force on 1 July of
// the first year, as PlanLimits reads it) and of its groups' vulnerability
// weights: the catalogue's, for a group whose weight is the catalogue's
// (a project that typed another weight is its own source).
func plainPlanSources(cat *catalogue.Catalogue, in plan.Input) (hromada.Text, map[string]hromada.Text) {
	var posts hromada.Text
	if r, ok := cat.Parameters().Get(catalogue.ParamNewPostsPer1000High, time.Date(in.FirstYear, 7, 1, 0, 0, 0, 0, time.UTC)); ok {
		posts = r.Plain
	}
	groups := map[string]hromada.Text{}
	for _, g := range in.Groups {
		for _, r := range cat.GroupRows() {
			if r.ID == g.ID && r.Vulnerability == g.Vulnerability && !r.Plain.IsZero() {
				groups[g.ID] = r.Plain
			}
		}
	}
	return posts, groups
}

// PlanInput builds the plan input of a community from the Demand rows of
// its assessment workbook (as a person may have edited them) and the
// inventory. A service's demand is its union row ("any": every person
// counted once); without target groups, its "all" row. Services are those
// of the catalogue that the assessment has.
func PlanInput(com hromada.Community, rows []assessbook.DemandRow, providers []project.Provider, cat *catalogue.Catalogue, s PlanSettings) (plan.Input, hromada.Problems) {
	in := plan.Input{Community: com, FirstYear: s.FirstYear, Years: s.Years, FTEStep: s.FTEStep,
		Targets: map[string]plan.Target{}, Posts: map[string][]plan.PostShare{}, Groups: s.Groups}
	var problems hromada.Problems
	order, total, groups, gps := serviceDemand(rows, s.Groups)
	problems = append(problems, gps...)
	for _, code := range order {
		svc, ok := cat.Service(code)
		if !ok {
			problems = append(problems, hromada.Problem{Severity: hromada.Warning,
				Msg: hromada.T("послуги «%s» з оцінки немає в класифікаторі; її не включено до плану", "service %q of the assessment is not in the catalogue; it is left out of the plan", code)})
			continue
		}
		r := total[code]
		switch {
		case r.TypedOverSuppressed():
			problems = append(problems, typedOver(r))
			r = asTyped(r)
		case edited(r):
			// A person typed over the demand: their figure stands, and the
			// interval, made for the old figure, is dropped.
			problems = append(problems, hromada.Problem{Severity: hromada.Warning, Cell: fmt.Sprintf("row %d", r.Row),
				Msg: hromada.T("послуга %s: потреба %s поза своїм інтервалом %s–%s, як після правки; потребу взято без інтервалу",
					"service %s: the demand %s is outside its interval %s–%s, as after an edit; the demand is used without its interval",
					code, sig4(r.People), sig4(r.PeopleLow), sig4(r.PeopleUpp)),
				Hint: hromada.T("якщо правку зроблено свідомо, очистьте або виправте клітинки інтервалу", "clear or correct the interval cells if the edit was meant")})
			r.PeopleLow, r.PeopleUpp = math.NaN(), math.NaN()
		}
		si := plan.ServiceInput{
			Service: svc, Known: !r.Suppressed && !math.IsNaN(r.People),
			Demand: orNaN(r.People, r.Suppressed), DemandLow: orNaN(r.PeopleLow, r.Suppressed), DemandHigh: orNaN(r.PeopleUpp, r.Suppressed),
			Groups: groups[code],
		}
		if r.NotObserved {
			// No respondent had the need: the plan says "not observed"
			// (more data needed), not "suppressed"; 0 is what the survey
			// saw, never a demand of 0 to act on.
			si.Known, si.Demand, si.DemandLow, si.DemandHigh = true, 0, math.NaN(), math.NaN()
		}
		in.Services = append(in.Services, si)
	}
	for _, p := range providers {
		if p.Community != "" && p.Community != com.Code {
			continue
		}
		in.Providers = append(in.Providers, plan.Provider{Community: com.Code, Name: p.Name, Service: p.Service,
			Capacity: p.Capacity, Clients: p.Clients, StaffFTE: p.StaffFTE, Vacancies: p.Vacancies, Ref: p.Ref})
	}
	for _, t := range s.Targets {
		in.Targets[t.Service] = plan.Target{Coverage: t.Coverage, Uptake: t.Uptake, Path: plan.Path(t.Path), Years: t.Years, Ramp: t.Ramp}
	}
	for _, p := range s.Posts {
		in.Posts[p.Service] = append(in.Posts[p.Service], plan.PostShare{Post: p.Post, Share: p.Share})
		if p.PostEN != "" {
			if in.PostEN == nil {
				in.PostEN = map[string]map[string]string{}
			}
			if in.PostEN[p.Service] == nil {
				in.PostEN[p.Service] = map[string]string{}
			}
			in.PostEN[p.Service][p.Post] = p.PostEN
		}
	}
	in.KnownClients = KnownClientsOf(com.Code, s.Known)
	in.PostsPer1000High, in.PostsPer1000Source, in.WorkforceGrowthHigh = cat.Parameters().PlanLimits(s.FirstYear)
	in.PostsPer1000Plain, _ = plainPlanSources(cat, in)
	return in, problems
}

// serviceDemand sorts the Demand rows: the services in the order of their
// first "any" or "all" row, each service's demand row ("any" where there
// is one, else "all") and the demand of each known group by service. A
// group's demand typed over its suppressed estimate is taken as typed,
// with a warning naming its cell (typedOver).
func serviceDemand(rows []assessbook.DemandRow, known []hromada.Group) ([]string, map[string]assessbook.DemandRow, map[string][]plan.GroupDemand, hromada.Problems) {
	isKnown := map[string]bool{}
	for _, g := range known {
		isKnown[g.ID] = true
	}
	var order []string
	total := map[string]assessbook.DemandRow{}
	hasAny := map[string]bool{}
	groups := map[string][]plan.GroupDemand{}
	var ps hromada.Problems
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
		case isKnown[r.Group]:
			if r.TypedOverSuppressed() {
				ps = append(ps, typedOver(r))
				r = asTyped(r)
			}
			groups[r.Service] = append(groups[r.Service], plan.GroupDemand{Group: r.Group, People: orNaN(r.People, r.Suppressed), Low: orNaN(r.PeopleLow, r.Suppressed), High: orNaN(r.PeopleUpp, r.Suppressed)})
		}
	}
	return order, total, groups, ps
}

// asTyped is a Demand row whose demand a person typed over the note of a
// suppressed (or not observed) estimate, as the plan takes it: the
// figure as typed, a published demand. Its interval is the one typed
// beside it when both bounds are numbers that hold the figure; else none
// (the notes say nothing of the typed figure).
func asTyped(r assessbook.DemandRow) assessbook.DemandRow {
	r.Suppressed, r.NotObserved = false, false
	if math.IsNaN(r.PeopleLow) || math.IsNaN(r.PeopleUpp) || r.People < r.PeopleLow || r.People > r.PeopleUpp {
		r.PeopleLow, r.PeopleUpp = math.NaN(), math.NaN()
	}
	return r
}

// typedOver is the warning that a demand typed over a suppressed estimate
// is used, naming its cell.
//
// The plan uses the figure rather than refusing it: a planner who types a
// number into the Demand sheet means it to be planned on, as with a
// demand corrected over a published estimate (README, Plan), and the
// figure is theirs, not the survey's — the suppression protects the
// survey's respondents and its precision (METHODS.md §1.4), which a
// typed figure does not rest on. The warning says so and where a figure
// from case records belongs (the Known clients sheet, with its source).
func typedOver(r assessbook.DemandRow) hromada.Problem {
	return hromada.Problem{Severity: hromada.Warning, Sheet: r.Sheet, Cell: r.PeopleCell,
		Msg: hromada.T("послуга %s, група %q: попит %s введено поверх прихованої оцінки опитування; план бере це число як попит, без інтервалу",
			"service %s, group %q: the demand %s was typed over a suppressed survey estimate; the plan takes this figure as the demand, without an interval",
			r.Service, r.Group, numText(r.People)),
		Hint: hromada.T("якщо число взято з журналів справ чи реєстрів, внесіть його на аркуш «Відомі клієнти» registry.xlsx з джерелом і датою",
			"if the figure comes from case records or registers, enter it on the Known clients sheet of registry.xlsx with its source and date")}
}

// numText is a number as each language writes it: 12.5, 12,5.
func numText(x float64) hromada.Text {
	en := strconv.FormatFloat(x, 'f', -1, 64)
	return hromada.Text{UK: strings.Replace(en, ".", ",", 1), EN: en}
}

// edited tells whether a demand row's figure lies outside its interval,
// as after a person typed over it.
func edited(r assessbook.DemandRow) bool {
	return !r.Suppressed && !math.IsNaN(r.People) && (r.People < r.PeopleLow || r.People > r.PeopleUpp)
}

func orNaN(x float64, suppressed bool) float64 {
	if suppressed {
		return math.NaN()
	}
	return x
}

// KnownClientsOf returns the known clients of one community as the plan
// takes them, by classifier code.
func KnownClientsOf(community string, known []project.KnownClient) map[string]plan.KnownClients {
	out := map[string]plan.KnownClients{}
	for _, k := range known {
		if k.Community != community {
			continue
		}
		asOf := ""
		if !k.AsOf.IsZero() {
			asOf = k.AsOf.Format("2006-01-02")
		}
		out[k.Service] = plan.KnownClients{Count: k.Count, Use: plan.Use(k.Use), AsOf: asOf, Source: k.Source, Ref: k.Ref}
	}
	return out
}

// sig4 writes x with 4 significant digits, as %.4g does, in each
// language's decimal separator.
func sig4(x float64) hromada.Text {
	s := fmt.Sprintf("%.4g", x)
	return hromada.Text{UK: strings.Replace(s, ".", ",", 1), EN: s}
}
