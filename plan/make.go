package plan

import (
	"errors"
	"math"
	"slices"

	"github.com/hromada-tool/hromada"
)

// eps is the relative tolerance of comparisons between computed amounts,
// so that 0.8 × 50 = 40.000000000000004 still meets a capacity of 40.
const eps = 1e-9

// Make computes the plan of one community. It checks the whole input first
// and returns every problem found, joined, each wrapping [ErrInput] and
// naming the service, provider or group; the Result is then zero.
//
// For each service s, with capacity C and demand D (the demand the plan
// acts on, see demandOf and doc.go) and uptake u:
//
//	E         = u × D                 (expected users; also at D_low and D_high)
//	C         = Σ capacity over the community's providers of s
//	Gap       = max(0, E − C)         (also at E_low and E_high)
//	Coverage  = C / E                 (NaN when E = 0)
//	Target    = c × E                 (c: the project's coverage target, else the catalogue's)
//	TargetGap = max(0, Target − C)
//	Action    = more_data   when there is no demand to act on
//	            create      when no provider and Target > 0
//	            enhance     when providers and C < Target
//	            sufficient  otherwise (also when known clients are 0)
//
// The plausibility flags of [Result.Flags] follow the plan (see flag).
//
// Target clients, staff and hires by year follow [Clients] and [Staff];
// the priority score and rank follow [Score] and the planner's Input.Rank.
func Make(in Input) (Result, error) {
	if err := validate(in); err != nil {
		return Result{}, err
	}
	vuln := map[string]float64{}
	for _, g := range in.Groups {
		vuln[g.ID] = g.Vulnerability
	}
	planned := map[string]bool{}
	for _, s := range in.Services {
		planned[s.Service.Code] = true
	}
	byService := map[string][]Provider{}
	res := Result{Community: in.Community, FirstYear: in.FirstYear, Years: in.Years, FTEStep: in.FTEStep}
	for _, p := range in.Providers {
		if !planned[p.Service] {
			res.Unplanned = append(res.Unplanned, p)
			continue
		}
		byService[p.Service] = append(byService[p.Service], p)
	}

	var errs []error
	for _, si := range in.Services {
		sp, err := service(in, si, byService[si.Service.Code], vuln)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		res.Services = append(res.Services, sp)
	}
	if err := errors.Join(errs...); err != nil {
		return Result{}, err
	}
	rank(res.Services, in.Rank)
	res.Summary = summarize(res.Services, in.FirstYear, in.Years)
	flag(&res, in)
	return res, nil
}

// flag computes the plan's plausibility figures and raises a [Flag] for
// each above its limit:
//
//	posts per 1,000 = HireFTE / population × 1000            > PostsPer1000High
//	growth          = (workforce + HireFTE) / workforce       > WorkforceGrowthHigh
//
// workforce is the inventory's staff in post and vacant over all the
// community's providers; with none and hires above 0, growth is +Inf.
// And for each service to create whose staff is set by its minimum:
//
//	clients per post = clients / FTE in the last year  < MinStaffShare × caseload
func flag(res *Result, in Input) {
	defer minStaffFlags(res)
	hires := res.Summary.HireFTE
	res.PostsPer1000 = math.NaN()
	if in.Community.Population > 0 {
		k := float64(in.Community.Population) / 1000
		res.PostsPer1000 = hires / k
		lim, src, plain := in.PostsPer1000High, in.PostsPer1000Source, in.PostsPer1000Plain
		if lim == 0 {
			lim, src, plain = DefaultPostsPer1000High, DefaultPostsPer1000Source, hromada.Text{}
		}
		if src == "" {
			src, plain = DefaultPostsPer1000Source, hromada.Text{}
		}
		if res.PostsPer1000 > lim*(1+eps) {
			res.Flags = append(res.Flags, Flag{Code: FlagPostsPer1000, Value: res.PostsPer1000, Limit: lim, Source: src, Plain: plain, Hires: hires, Base: k})
		}
	}
	for _, p := range in.Providers {
		res.Workforce += p.StaffFTE + p.Vacancies
	}
	lim := in.WorkforceGrowthHigh
	if lim == 0 {
		lim = DefaultWorkforceGrowthHigh
	}
	if hires > 0 {
		g := math.Inf(1)
		if res.Workforce > 0 {
			g = (res.Workforce + hires) / res.Workforce
		}
		if g > lim*(1+eps) {
			res.Flags = append(res.Flags, Flag{Code: FlagWorkforceGrowth, Value: g, Limit: lim,
				Source: "hromada default: a plan that more than doubles the community's social workforce (METHODS.md §2)", Hires: hires, Base: res.Workforce})
		}
	}
}

// minStaffFlags raises FlagMinStaffSmall for each new service whose
// minimum staff, in the plan's last year, serves fewer clients per post
// than MinStaffShare of its caseload.
func minStaffFlags(res *Result) {
	for _, sp := range res.Services {
		if sp.Action != Create || len(sp.Years) == 0 || !slices.Contains(sp.Reasons, ReasonMinStaff) {
			continue
		}
		last := sp.Years[len(sp.Years)-1]
		caseload := sp.Service.Caseload
		if last.FTE <= 0 || !(caseload > 0) {
			continue
		}
		perPost := last.Clients / last.FTE
		if lim := MinStaffShare * caseload; perPost < lim*(1-eps) {
			res.Flags = append(res.Flags, Flag{Code: FlagMinStaffSmall, Value: perPost, Limit: lim,
				Source: "hromada default: half the caseload (METHODS.md §2)", Hires: last.FTE, Base: last.Clients, Service: sp.Service.Code})
		}
	}
}

// service plans one service from its demand and its providers.
func service(in Input, si ServiceInput, providers []Provider, vuln map[string]float64) (ServicePlan, error) {
	s := si.Service
	sp := ServicePlan{Service: s, Providers: len(providers)}
	for _, p := range providers {
		sp.Capacity += p.Capacity
		sp.Clients += p.Clients
		sp.StaffFTE += p.StaffFTE
		sp.Vacancies += p.Vacancies
	}
	tg := targetOf(in, s)
	sp.TargetCoverage, sp.Path, sp.PathYears, sp.Uptake = tg.Coverage, tg.Path, tg.Years, tg.Uptake

	nan := math.NaN()
	sp.Survey, sp.SurveyLow, sp.SurveyHigh = nan, nan, nan
	if si.Known {
		sp.Survey, sp.SurveyLow, sp.SurveyHigh = si.Demand, si.DemandLow, si.DemandHigh
	}
	var kc *KnownClients
	if k, ok := in.KnownClients[s.Code]; ok {
		kc = &k
		sp.KnownClients = kc
	}
	d := demandOf(si, kc)
	sp.Known = d.basis != BasisNone
	sp.Basis, sp.FloorGroup = d.basis, d.group
	sp.Demand, sp.DemandLow, sp.DemandHigh = d.d, d.low, d.high
	sp.gaps(tg)
	sp.Reasons = append(sp.Reasons, d.reasons...)
	sp.act()
	if sp.Known {
		if err := sp.staff(in, tg); err != nil {
			return ServicePlan{}, err
		}
	}
	if sp.Vacancies > 0 {
		sp.Reasons = append(sp.Reasons, ReasonVacancies)
	}
	sp.unmetByGroup(si.Groups, vuln)
	if s.Basic {
		sp.Reasons = append(sp.Reasons, ReasonBasic)
	}
	if s.MinimumPackage {
		sp.Reasons = append(sp.Reasons, ReasonMinimumPackage)
	}
	if sp.Known {
		sp.Score = Score(sp.TargetGap, sp.Expected, sp.Vulnerability, s.Basic, s.MinimumPackage)
	}
	return sp, nil
}

// gaps sets the expected users, the gaps at them and at both bounds, the
// coverage and the target of a service whose demand is known (target tg);
// NaN otherwise.
func (sp *ServicePlan) gaps(tg Target) {
	nan := math.NaN()
	sp.Expected, sp.ExpectedLow, sp.ExpectedHigh = nan, nan, nan
	sp.Gap, sp.GapLow, sp.GapHigh, sp.Coverage = nan, nan, nan, nan
	sp.Target, sp.TargetLow, sp.TargetHigh, sp.TargetGap = nan, nan, nan, nan
	if sp.Known {
		sp.Expected, sp.ExpectedLow, sp.ExpectedHigh = tg.Uptake*sp.Demand, tg.Uptake*sp.DemandLow, tg.Uptake*sp.DemandHigh
		sp.Gap = gap(sp.Expected, sp.Capacity)
		sp.GapLow = gap(sp.ExpectedLow, sp.Capacity)
		sp.GapHigh = gap(sp.ExpectedHigh, sp.Capacity)
		if sp.Expected > 0 {
			sp.Coverage = sp.Capacity / sp.Expected
		}
		sp.Target = tg.Coverage * sp.Expected
		sp.TargetLow, sp.TargetHigh = tg.Coverage*sp.ExpectedLow, tg.Coverage*sp.ExpectedHigh
		sp.TargetGap = math.Max(0, sp.Target-sp.Capacity)
		if sp.TargetGap <= eps*math.Max(1, sp.Target) {
			sp.TargetGap = 0
		}
	}
}

// act sets the action the service needs, with its reason.
func (sp *ServicePlan) act() {
	switch {
	case !sp.Known:
		sp.Action = MoreData
	case sp.Demand == 0:
		sp.Action = Sufficient
		sp.Reasons = append(sp.Reasons, ReasonNoDemand)
	case sp.Providers == 0 && sp.Target > 0:
		sp.Action = Create
		sp.Reasons = append(sp.Reasons, ReasonNoProvider)
	case sp.TargetGap > 0:
		sp.Action = Enhance
		sp.Reasons = append(sp.Reasons, ReasonBelowTarget)
	default:
		sp.Action = Sufficient
		sp.Reasons = append(sp.Reasons, ReasonTargetMet)
	}
}

// staff sets the service's staff year by year, split into its posts, for
// its target clients (target tg), with the reasons the staff gives.
func (sp *ServicePlan) staff(in Input, tg Target) error {
	s := sp.Service
	clients := Clients(sp.Clients, sp.Target, tg, in.Years)
	years, minBinds, err := Staff(s, sp.Providers > 0, clients, sp.StaffFTE+sp.Vacancies, in.FTEStep)
	if err != nil {
		return hromada.Errorf("послуга %s: %w", "service %s: %w", s.Code, err)
	}
	posts := in.Posts[s.Code]
	for i := range years {
		years[i].Year = in.FirstYear + i
		if len(posts) > 0 {
			years[i].Posts = Split(years[i].FTE, posts, in.FTEStep)
		}
	}
	sp.Years = years
	if minBinds {
		sp.Reasons = append(sp.Reasons, ReasonMinStaff)
	}
	hires := 0.0
	for _, y := range years {
		hires += y.Hires
	}
	switch {
	case sp.Action == Sufficient && hires > 0:
		// Capacity meets the target, but the providers' staff is below
		// what the caseload norm asks for the clients: the posts are for
		// the norm, not for new places.
		sp.Reasons = append(sp.Reasons, ReasonStaffBelowNorm)
	case sp.Action == Enhance && hires == 0:
		// New places, but the staff in post (and vacant) already meets
		// the caseload norm for them.
		sp.Reasons = append(sp.Reasons, ReasonStaffCovers)
	}
	return nil
}

// unmetByGroup shares the unmet demand among the service's groups and
// sets the vulnerability it gives the service (vuln: the groups'
// weights).
func (sp *ServicePlan) unmetByGroup(groups []GroupDemand, vuln map[string]float64) {
	nan := math.NaN()
	sp.UnmetByGroup = make([]GroupGap, 0, len(groups))
	for _, g := range groups {
		gg := GroupGap{Group: g.Group, Vulnerability: vuln[g.Group], Demand: g.People, Unmet: nan}
		switch {
		case !sp.Known || math.IsNaN(g.People):
		case sp.Demand == 0:
			gg.Unmet = 0
		default:
			gg.Unmet = math.Min(g.People, sp.Demand) * sp.Gap / sp.Demand
		}
		sp.UnmetByGroup = append(sp.UnmetByGroup, gg)
	}
	sp.Vulnerability = Vulnerability(sp.UnmetByGroup)
	if sp.Vulnerability > 1 {
		sp.Reasons = append(sp.Reasons, ReasonVulnerable)
	}
}

// demand is the demand a plan acts on and what it rests on.
type demand struct {
	basis        Basis
	group        string // the floor's group, for BasisGroupFloor
	d, low, high float64
	reasons      []Reason
}

// Usable reports whether a survey figure may be planned on: publishable
// (not NaN), above 0, and with a lower bound above 0 when it has one.
func Usable(d, low float64) bool {
	return finite(d) && d > 0 && (math.IsNaN(low) || low > 0)
}

// demandOf decides the demand a plan acts on (METHODS.md §2), in order:
//
//  1. known clients used as the demand: the count, whatever the survey says;
//  2. the survey's union demand when it is usable ([Usable]);
//  3. else the largest usable group demand, as a floor (the union is at
//     least as large), its upper bound unknown;
//  4. known clients used as a floor lift 2 or 3 to the count, or stand
//     alone when neither is usable and the count is above 0;
//  5. else none: more data needed, with why and what would settle it.
func demandOf(si ServiceInput, kc *KnownClients) demand {
	nan := math.NaN()
	if kc != nil && kc.Use == UseDemand {
		return demand{basis: BasisKnownClients, d: kc.Count, low: kc.Count, high: kc.Count, reasons: []Reason{ReasonKnownClients}}
	}
	out := demand{basis: BasisNone, d: nan, low: nan, high: nan}
	switch {
	case si.Known && Usable(si.Demand, si.DemandLow):
		out = demand{basis: BasisSurvey, d: si.Demand, low: si.DemandLow, high: si.DemandHigh}
	default:
		for _, g := range si.Groups {
			if Usable(g.People, g.Low) && (out.basis == BasisNone || g.People > out.d) {
				out = demand{basis: BasisGroupFloor, group: g.Group, d: g.People, low: g.Low, high: nan}
			}
		}
		if out.basis == BasisGroupFloor {
			out.reasons = []Reason{ReasonGroupFloor}
		}
	}
	if kc != nil && kc.Count > 0 && (out.basis == BasisNone || kc.Count > out.d) {
		c := kc.Count
		if out.basis == BasisNone {
			out.low, out.high = c, c
		} else {
			out.low = math.Max(c, out.low) // NaN stays NaN: max of NaN is NaN
			if !math.IsNaN(out.high) {
				out.high = math.Max(c, out.high)
			}
		}
		out.basis, out.group, out.d = BasisKnownFloor, "", c
		out.reasons = []Reason{ReasonKnownFloor}
	}
	if out.basis != BasisNone {
		return out
	}
	switch {
	case !si.Known || math.IsNaN(si.Demand):
		out.reasons = []Reason{ReasonSuppressed}
	case si.Demand == 0:
		out.reasons = []Reason{ReasonNotObserved}
	default:
		out.reasons = []Reason{ReasonIntervalZero}
	}
	out.reasons = append(out.reasons, ReasonNeedKnown, ReasonNeedSample)
	return out
}

// gap returns max(0, demand − capacity); NaN when demand is NaN.
func gap(demand, capacity float64) float64 {
	if math.IsNaN(demand) {
		return math.NaN()
	}
	return math.Max(0, demand-capacity)
}

// targetOf returns the project's target of a service with the coverage
// and uptake filled in from the catalogue (an uptake of 0 there reads as
// 1) and the path defaulted to Linear over the plan's years.
func targetOf(in Input, s hromada.Service) Target {
	tg, ok := in.Targets[s.Code]
	if !ok {
		tg = Target{Coverage: math.NaN(), Uptake: math.NaN()}
	}
	if math.IsNaN(tg.Coverage) {
		tg.Coverage = s.Coverage
	}
	if math.IsNaN(tg.Uptake) || tg.Uptake == 0 {
		tg.Uptake = s.Uptake
	}
	if tg.Uptake == 0 {
		tg.Uptake = 1
	}
	if tg.Path == "" {
		tg.Path = Linear
	}
	if tg.Path == Linear && tg.Years == 0 {
		tg.Years = in.Years
	}
	return tg
}

// summarize counts actions and totals staff by year.
func summarize(services []ServicePlan, firstYear, years int) Summary {
	sum := Summary{Services: len(services), Years: make([]YearTotal, years)}
	for i := range sum.Years {
		sum.Years[i].Year = firstYear + i
	}
	for _, sp := range services {
		switch sp.Action {
		case Create:
			sum.Create++
		case Enhance:
			sum.Enhance++
		case Sufficient:
			sum.Sufficient++
		case MoreData:
			sum.MoreData++
		}
		for i, y := range sp.Years {
			sum.Years[i].FTE += y.FTE
			sum.Years[i].Staff += y.Staff
			sum.Years[i].Hires += y.Hires
			sum.HireFTE += y.Hires
		}
	}
	return sum
}

// validate checks the input and returns every problem, joined.
func validate(in Input) error {
	var p inputProblems
	if in.Years < 1 {
		p.bad("горизонт планування — %d років; має бути 1 або більше", "planning horizon is %d years; it must be 1 or more", in.Years)
	}
	if !(in.FTEStep > 0 && in.FTEStep <= 1) {
		p.bad("крок округлення ставок — %v; має бути більше 0 і не більше 1 ставки (0,25 або 0,5)", "staff rounding step is %v; it must be above 0 and at most 1 post (0.25 or 0.5)", in.FTEStep)
	}
	groups := p.groups(in.Groups)
	codes := p.services(in, groups)
	p.providers(in)
	p.targets(in.Targets, codes)
	p.posts(in.Posts, codes)
	p.knownClients(in.KnownClients, codes)
	for _, lim := range []struct {
		name hromada.Text
		v    float64
	}{{hromada.T("межа нових ставок на 1 000 мешканців", "band of new posts per 1,000 residents"), in.PostsPer1000High},
		{hromada.T("межа зростання персоналу", "workforce growth limit"), in.WorkforceGrowthHigh}} {
		if !finite(lim.v) || lim.v < 0 {
			p.bad("%s %v має бути числом більше 0 (0 — типове значення)", "%s %v must be a number above 0 (0: the default)", lim.name, lim.v)
		}
	}
	for code, r := range in.Rank {
		if !codes[code] {
			p.bad("ранг планувальника %d задано для послуги %s, якої немає в плані", "planner's rank %d is given for service %s, which is not in the plan", r, code)
		} else if r < 1 {
			p.bad("послуга %s: ранг планувальника %d має бути 1 або більше", "service %s: planner's rank %d must be 1 or more", code, r)
		}
	}
	return errors.Join(p...)
}

// inputProblems are the problems of a plan's input, each wrapping
// ErrInput.
type inputProblems []error

// bad adds a problem; a float64 argument is written as the language
// writes numbers (hromada.Number), so its %v gives «0,3» or "0.3".
func (p *inputProblems) bad(uk, en string, a ...any) {
	for i, v := range a { // a number as the language writes it: «0,3», "0.3"
		if x, ok := v.(float64); ok {
			a[i] = hromada.Number(x, 6)
		}
	}
	*p = append(*p, hromada.Errorf("%v: %v", "%v: %w", hromada.T(uk, en, a...), ErrInput))
}

// groups checks the project's groups and returns their IDs.
func (p *inputProblems) groups(gs []hromada.Group) map[string]bool {
	groups := map[string]bool{}
	for _, g := range gs {
		if groups[g.ID] {
			p.bad("групу «%s» задано двічі", "group %q is given twice", g.ID)
		}
		groups[g.ID] = true
		if !finite(g.Vulnerability) || g.Vulnerability < 0 {
			p.bad("група «%s»: вага вразливості %v має бути числом від 0", "group %q: vulnerability weight %v must be a number 0 or more", g.ID, g.Vulnerability)
		}
	}
	return groups
}

// services checks the services of the plan, their demand and its groups
// (the project's: groups), and returns their codes.
func (p *inputProblems) services(in Input, groups map[string]bool) map[string]bool {
	clients := map[string]float64{}
	for _, pr := range in.Providers {
		clients[pr.Service] += pr.Clients
	}
	codes := map[string]bool{}
	for _, si := range in.Services {
		s := si.Service
		if s.Code == "" {
			p.bad("послуга не має коду за класифікатором", "a service has no classifier code")
			continue
		}
		if codes[s.Code] {
			p.bad("послугу %s задано двічі", "service %s is given twice", s.Code)
		}
		codes[s.Code] = true
		if !finite(s.MinStaff) || s.MinStaff < 0 {
			p.bad("послуга %s: мінімальний персонал %v має бути від 0", "service %s: minimum staff %v must be 0 or more", s.Code, s.MinStaff)
		}
		if !share(s.Coverage) {
			p.bad("послуга %s: цільове охоплення з класифікатора %v має бути часткою від 0 до 1", "service %s: catalogue coverage target %v must be a share from 0 to 1", s.Code, s.Coverage)
		}
		if !share(s.Uptake) {
			p.bad("послуга %s: частка звернення з класифікатора %v має бути більше 0 і не більше 1 (0 читається як 1)", "service %s: catalogue uptake %v must be a share above 0 and at most 1 (0 reads as 1)", s.Code, s.Uptake)
		}
		if si.Known && !(s.Caseload > 0 && finite(s.Caseload)) && finite(s.Coverage) {
			if tg := targetOf(in, s); tg.Coverage*si.Demand > 0 || clients[s.Code] > 0 {
				p.bad("послуга %s: навантаження %v має бути більше 0: у плані є клієнти, для яких потрібен персонал", "service %s: caseload %v must be above 0: the plan has clients to staff", s.Code, s.Caseload)
			}
		}
		if si.Known {
			if !finite(si.Demand) || si.Demand < 0 {
				p.bad("послуга %s: потреба %v має бути числом від 0; позначте її невідомою, коли оцінку приховано", "service %s: demand %v must be a number 0 or more; mark it unknown when the assessment suppressed it", s.Code, si.Demand)
			}
			if !math.IsNaN(si.DemandLow) && !(si.DemandLow >= 0 && si.DemandLow <= si.Demand) {
				p.bad("послуга %s: нижня межа потреби %v має бути від 0 до потреби %v", "service %s: lower bound of demand %v must be from 0 to the demand %v", s.Code, si.DemandLow, si.Demand)
			}
			if !math.IsNaN(si.DemandHigh) && !(si.DemandHigh >= si.Demand && !math.IsInf(si.DemandHigh, 1)) {
				p.bad("послуга %s: верхня межа потреби %v має бути не менша за потребу %v", "service %s: upper bound of demand %v must be at least the demand %v", s.Code, si.DemandHigh, si.Demand)
			}
		}
		seen := map[string]bool{}
		for _, g := range si.Groups {
			if !groups[g.Group] {
				p.bad("послуга %s: групи «%s» немає серед груп проєкту", "service %s: group %q is not among the project's groups", s.Code, g.Group)
			}
			if seen[g.Group] {
				p.bad("послуга %s: групу «%s» задано двічі", "service %s: group %q is given twice", s.Code, g.Group)
			}
			seen[g.Group] = true
			if !math.IsNaN(g.People) && !(g.People >= 0 && !math.IsInf(g.People, 1)) {
				p.bad("послуга %s: потреба групи «%s» — %v; має бути від 0", "service %s: demand of group %q is %v; it must be 0 or more", s.Code, g.Group, g.People)
			}
		}
	}
	return codes
}

// providers checks the providers: this community's, with numbers 0 or
// more.
func (p *inputProblems) providers(in Input) {
	for _, pr := range in.Providers {
		who := providerName(pr)
		if pr.Community != "" && pr.Community != in.Community.Code {
			p.bad("%s належить до громади %s, а не %s; передавайте лише надавачів цієї громади", "%s belongs to community %s, not %s; pass only this community's providers", who, pr.Community, in.Community.Code)
		}
		for _, f := range []struct {
			name hromada.Text
			v    float64
		}{{hromada.T("місткість", "capacity"), pr.Capacity}, {hromada.T("поточні клієнти", "current clients"), pr.Clients},
			{hromada.T("персонал", "staff"), pr.StaffFTE}, {hromada.T("вакансії", "vacancies"), pr.Vacancies}} {
			if !finite(f.v) || f.v < 0 {
				p.bad("%s: %s %v має бути числом від 0", "%s: %s %v must be a number 0 or more", who, f.name, f.v)
			}
		}
	}
}

// targets checks the targets of the services of the plan (codes).
func (p *inputProblems) targets(targets map[string]Target, codes map[string]bool) {
	for code, tg := range targets {
		if !codes[code] {
			continue // a target of a service this plan does not cover
		}
		if !math.IsNaN(tg.Coverage) && !share(tg.Coverage) {
			p.bad("послуга %s: цільове охоплення %v має бути часткою від 0 до 1", "service %s: coverage target %v must be a share from 0 to 1", code, tg.Coverage)
		}
		if !math.IsNaN(tg.Uptake) && !share(tg.Uptake) {
			p.bad("послуга %s: частка звернення %v має бути більше 0 і не більше 1", "service %s: uptake %v must be a share above 0 and at most 1", code, tg.Uptake)
		}
		switch tg.Path {
		case "", Step:
		case Linear:
			if tg.Years < 0 {
				p.bad("послуга %s: лінійний шлях потребує кількості років, 1 або більше (порожньо — роки плану); задано %d", "service %s: a linear path needs its years, 1 or more (empty: the plan's years); got %d", code, tg.Years)
			}
		case Ramp:
			if len(tg.Ramp) == 0 {
				p.bad("послуга %s: поетапний шлях потребує часток цілі за роками, наприклад 0,3 0,6 1", "service %s: a ramp path needs shares of the target by year, e.g. 0.3 0.6 1", code)
			}
			for i, r := range tg.Ramp {
				if !share(r) {
					p.bad("послуга %s: частка %v року %d має бути від 0 до 1", "service %s: ramp share %v of year %d must be from 0 to 1", code, r, i+1)
				}
			}
		default:
			p.bad("послуга %s: шлях «%s» невідомий; можливі: step, linear, ramp", "service %s: path %q is not known; allowed: step, linear, ramp", code, tg.Path)
		}
	}
}

// posts checks the posts of the services of the plan (codes): each once,
// their shares summing to 1.
func (p *inputProblems) posts(byService map[string][]PostShare, codes map[string]bool) {
	for code, posts := range byService {
		if !codes[code] {
			continue
		}
		total := 0.0
		names := map[string]bool{}
		for _, ps := range posts {
			if names[ps.Post] {
				p.bad("послуга %s: посаду «%s» задано двічі", "service %s: post %q is given twice", code, ps.Post)
			}
			names[ps.Post] = true
			if !(ps.Share > 0 && ps.Share <= 1) {
				p.bad("послуга %s: частка %[2]v посади «%[3]s» має бути більше 0 і не більше 1", "service %s: share %v of post %q must be above 0 and at most 1", code, ps.Share, ps.Post)
			}
			total += ps.Share
		}
		if len(posts) > 0 && math.Abs(total-1) > 1e-6 {
			p.bad("послуга %s: частки її посад у сумі дають %v; мають давати 1", "service %s: shares of its posts sum to %v; they must sum to 1", code, total)
		}
	}
}

// knownClients checks the known clients of the services of the plan
// (codes): whole numbers 0 or more, used as demand or as a floor.
func (p *inputProblems) knownClients(known map[string]KnownClients, codes map[string]bool) {
	for code, k := range known {
		if !codes[code] {
			continue // known clients of a service this plan does not cover
		}
		where := ""
		if k.Ref != "" {
			where = " (" + k.Ref + ")"
		}
		if !finite(k.Count) || k.Count < 0 || k.Count != math.Trunc(k.Count) {
			p.bad("послуга %s: відомі клієнти %v%s мають бути цілим числом від 0", "service %s: known clients %v%s must be a whole number 0 or more", code, k.Count, where)
		}
		if k.Use != "" && k.Use != UseDemand && k.Use != UseFloor {
			p.bad("послуга %s: використання «%s» відомих клієнтів%s невідоме; можливі: demand, floor (попит, мінімум)", "service %s: use %q of known clients%s is not known; allowed: demand, floor", code, k.Use, where)
		}
	}
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

func share(x float64) bool { return x >= 0 && x <= 1 }

func providerName(p Provider) hromada.Text {
	ref := ""
	if p.Ref != "" {
		ref = " (" + p.Ref + ")"
	}
	return hromada.T("надавач «%s» послуги %s%s", "provider %q of service %s%s", p.Name, p.Service, ref)
}
