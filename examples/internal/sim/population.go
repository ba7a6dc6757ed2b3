// Package sim is the synthetic population and household survey shared by
// the example generators (examples/gen, the six-community example project;
// examples/national, a project of any number of communities): every
// household of a community in settlements, a stratified two-stage sample
// of them, the interviews as a KoboToolbox form records them, and the
// export of the interviews in Kobo's layout.
//
// All rates are assumptions made for the examples, set to be plausible for
// a Ukrainian community; none is a measurement. Each community draws from
// the random stream its caller gives it, so the same stream gives the same
// households, sample and file.
package sim

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/project"
)

// Place is a community: its code, names and population.
type Place struct {
	Code   string // KATOTTG code
	UK, EN string // short name of the community
	Slug   string // survey file name, without the extension
	Pop    int    // residents
	Urban  int    // urban residents
	Town   string // the town (urban stratum), in Ukrainian
}

// PersonsPerHousehold turns residents into households.
const PersonsPerHousehold = 2.5

// Strata of the survey, as the questionnaire's "area" list codes them.
const (
	Urban = "urban"
	Rural = "rural"
)

// Group prevalences: the probability for a household with no other risk,
// before the settlement's random effect, derived from the published
// figures of sources.go where one was found. Odds ratios below raise them
// for households in other groups, so the groups overlap as they do in
// life; the base rates are set a little below the published shares so the
// shares in the synthetic population (README) come out near them.
var (
	pChildren = map[string]float64{Urban: ZhytomyrHouseholdsWithChildren2018, Rural: ZhytomyrHouseholdsWithChildren2018}
	// pIDP is a household's chance of being displaced; families with
	// children are displaced more often (odds ratio orIDPChildren), so that
	// about rateIDPFamilyWithChildren of families with children and
	// rateIDPHousehold of all households are displaced. The town takes more
	// of them than the villages (an assumption: Zhytomyr city and the
	// raion centres host most displaced families).
	pIDP          = map[string]float64{Urban: 0.85 * rateIDPHousehold, Rural: 0.55 * rateIDPHousehold}
	orIDPChildren = 1.5
	// pDisability is a child's chance of a disability (each child is
	// drawn), slightly below rateChildDisability because displaced and
	// large families have higher odds.
	pDisability = 0.9 * rateChildDisability
	// pAdultDisability is an adult's chance of a disability by age: young
	// adults and those 60 and over, set so that about
	// rateAdultDisability of adults have one (an assumption on the split
	// by age: disability grows with age).
	pAdultDisability = map[bool]float64{false: 0.055, true: 0.21} // keyed by age ≥ 60
	// pLowIncome is the chance of low-income assistance of a family with
	// children (rateLowIncomeWithChildren, before the odds of displaced,
	// large and single-parent families); pLowIncomeNoChildren that of a
	// household without children — an assumption, no figure found: the
	// assistance's means test counts each child's subsistence minimum, and
	// pensioners are supported through their pension instead.
	pLowIncome           = 0.6 * rateLowIncomeWithChildren
	pLowIncomeNoChildren = 0.012
	// pSJO is the chance that a family with children is in difficult
	// life circumstances (СЖО), before the odds of low-income, displaced
	// and single-parent families; only families with children are (the
	// group is "families with children in difficult life circumstances").
	// The base is the rate of families services know of (rateSJO); the
	// odds of the other groups put the true share above it, as the register
	// counts only families a service has assessed (RegistryBias).
	pSJO = rateSJO
	// pElderlyHousehold is the share of households without children whose
	// adults are 60 or older (an assumption: in Zhytomyr oblast about a
	// quarter of residents are 60 or older, most of them in households
	// without children).
	pElderlyHousehold = 0.42
)

// childrenCount is the distribution of the number of children in a family
// with children: 1, 2, 3, 4, 5 — Zhytomyr oblast's 71.8 %, 25.3 % and
// 2.9 % for three or more (ZhytomyrChildrenPerFamily2018), the last split
// 2.4 / 0.4 / 0.1 (an assumption).
var childrenCount = []float64{ZhytomyrChildrenPerFamily2018[0], ZhytomyrChildrenPerFamily2018[1], 0.024, 0.004, 0.001}

// adultsWithChildren and adultsAlone are the distributions of the number of
// adults (1–4) in households with and without children.
var (
	adultsWithChildren = []float64{0.16, 0.60, 0.17, 0.07}
	adultsAlone        = []float64{0.36, 0.42, 0.15, 0.07}
)

// needModel gives the probability that a household needs a service: a base
// probability for a household in no group, odds ratios for each group the
// household belongs to, and who can need the service at all. A model with
// Member set is drawn for each member instead: Member says whether the
// member can need the service and the base probability for that member,
// the odds ratios of the household's groups apply on top, and the
// household needs the service when one of its members does.
type needModel struct {
	Base                                             float64
	Children, IDP, Low, Disability, Large, SJO, Aged float64 // odds ratios; 0 means 1
	Gate                                             func(h *Household) bool
	Member                                           func(m *Member) (base float64, ok bool)
}

func withYoungChild(h *Household) bool { return h.Young }

// Member-level needs. The shares among children with disabilities are
// assumptions calibrated to what communities report, since no published
// share was found:
//   - day care (pDayCare): the service is for children with disabilities
//     aged 4–18 who have lost, partly or wholly, the ability to look after
//     themselves, for at least 4 hours a working day (Zhytomyr city
//     council, the day-care service's page, zt-rada.gov.ua departments=380);
//     a day-care unit takes a group of 6–10 children (NORMS.md). Most
//     children with a disability go to school or kindergarten and do not
//     need it: about one in eight of those aged 4–17 does.
//   - support during inclusive education (pInclusive): a child's assistant
//     (the social service, beside the teacher's assistant the education
//     budget pays) for a pupil aged 6–17 with a disability, about one in
//     twenty of them, and very rarely for a pupil with special educational
//     needs but no disability status (pInclusiveOther). Calibrated on the
//     one supply figure found: Vinnytsia oblast, which began the service in
//     2020, had trained 192 child's assistants of whom 95 work (oblast
//     military administration, reported by vitatv.com.ua on 19 August;
//     the year was not shown in the text read), about 0.06 per 1,000 of its
//     ~1.5 million residents. Need is taken as about three times that
//     supply (≈ 0.2 per 1,000 residents, e.g. ≈ 50 children in
//     Zhytomyrska); an earlier one-in-five share gave ≈ 290 children there,
//     over 200 posts at one child per post, which no community funds.
//   - respite care for the parents (pRespite): one child with a
//     disability in fourteen, the families caring for a child with severe
//     needs.
//   - early intervention (pEarly): a child under 4 whose development is
//     at risk — rare, unless the child has a disability.
//   - home care (pHomeCare): a member 65 or older, or an adult with a
//     disability, who cannot manage alone; far likelier with a disability.
//   - supported living (pSupported): an adult under 60 with a disability,
//     very rarely.
const (
	pDayCare         = 0.125
	pInclusive       = 0.05
	pInclusiveOther  = 0.0002
	pRespite         = 0.07
	pEarly           = 0.02
	pEarlyDisability = 0.45
	pHomeCare        = 0.012
	pHomeCareDisab   = 0.04
	pSupported       = 0.006
)

func dayCare(m *Member) (float64, bool) {
	return pDayCare, m.Disabled && m.Age >= 4 && m.Age < 18
}

func inclusive(m *Member) (float64, bool) {
	if m.Age < 6 || m.Age >= 18 {
		return 0, false
	}
	if m.Disabled {
		return pInclusive, true
	}
	return pInclusiveOther, true
}

func respite(m *Member) (float64, bool) { return pRespite, m.Disabled && m.Age < 18 }

func early(m *Member) (float64, bool) {
	if m.Age >= 4 {
		return 0, false
	}
	if m.Disabled {
		return pEarlyDisability, true
	}
	return pEarly, true
}

func homeCare(m *Member) (float64, bool) {
	switch {
	case m.Age >= 18 && m.Disabled:
		return pHomeCareDisab, true
	case m.Age >= 65:
		return pHomeCare, true
	}
	return 0, false
}

func supported(m *Member) (float64, bool) {
	return pSupported, m.Disabled && m.Age >= 18 && m.Age < 60
}

// needModels are keyed by the needs option of the questionnaire.
var needModels = map[string]needModel{
	"social_support":     {Base: 0.008, IDP: 2, Low: 3, Disability: 2, SJO: 40},
	"counselling":        {Base: 0.05, Children: 1.3, IDP: 2.5, Low: 1.8, Disability: 2, SJO: 4},
	"psychosocial":       {Base: 0.035, Children: 1.2, IDP: 4, Disability: 3, SJO: 3},
	"crisis":             {Base: 0.003, IDP: 2, SJO: 15},
	"early_intervention": {Member: early, Gate: withYoungChild},
	"day_care_children":  {Member: dayCare},
	"inclusive_support":  {Member: inclusive},
	"respite_care":       {Member: respite, Large: 1.5},
	"home_care":          {Member: homeCare, Aged: 2},
	"supported_living":   {Member: supported},
	"mediation":          {Base: 0.006, IDP: 1.5, SJO: 8},
	"representation":     {Base: 0.008, IDP: 3, Disability: 2, SJO: 6},
	"natural_aid":        {Base: 0.03, IDP: 5, Low: 7, Large: 4, SJO: 3},
	"information":        {Base: 0.08, Children: 1.5, IDP: 3, Disability: 2},
}

// Random effects of a settlement, on the logit scale: they make
// households of one settlement alike, so the survey's design effect is
// above 1.
const (
	sdNeedEffect    = 0.40 // shared by all needs of the settlement
	sdServiceEffect = 0.30 // one per need and settlement
	sdIDPEffect     = 0.5  // displaced families cluster in some places
	sdChildEffect   = 0.15
)

// Member is one person of a household, as the person truly is: age,
// disability and the services the person needs (by index of
// project.NeedOptions; only the services drawn per member are set), so a
// roster of members can be written from it.
type Member struct {
	Age      int
	Disabled bool
	Needs    []bool
}

// Household is one household of the synthetic population, as it truly is.
// Adults come first in Members, then the children (under 18).
type Household struct {
	Adults, Children int
	Members          []Member
	Young            bool // a child under 4: not asked, drives early intervention
	Disabled         int  // children with a disability
	IDP, Low, SJO    bool
	Needs            []bool // by index of project.NeedOptions: the household, or one of its members, needs it
}

// Large reports whether the family has three or more children.
func (h *Household) Large() bool { return h.Children >= 3 }

// Clients returns the members of h who need option k, for a service drawn
// per member; for a household-level service, 1 when h needs it.
func (h *Household) Clients(k int) int {
	n := 0
	for _, m := range h.Members {
		if m.Needs != nil && m.Needs[k] {
			n++
		}
	}
	if n == 0 && h.Needs[k] {
		return 1
	}
	return n
}

// Settlement is a cluster (PSU): a village, or a precinct of the town.
type Settlement struct {
	Name       string
	Stratum    string
	Households []Household
}

// Community is the synthetic population of one place.
type Community struct {
	Place
	Settlements []*Settlement
}

// Households returns the number of households of stratum st.
func (c *Community) Households(st string) int {
	n := 0
	for _, s := range c.Settlements {
		if s.Stratum == st {
			n += len(s.Households)
		}
	}
	return n
}

// Sizes of the settlements: a precinct of the town holds about
// PrecinctSize households, a village about VillageSize; a stratum with
// households has at least minSettlements of them.
const (
	PrecinctSize   = 900
	VillageSize    = 160
	minSettlements = 6
)

// BuildCommunity makes the households of p: urban ones in precincts of
// the town, rural ones in villages. A community with no urban (or no
// rural) residents has no settlements of that stratum.
func BuildCommunity(p Place, r *rand.Rand) (*Community, error) {
	c := &Community{Place: p}
	models, err := orderedNeedModels()
	if err != nil {
		return nil, err
	}
	hhUrban := int(math.Round(float64(p.Urban) / PersonsPerHousehold))
	hhRural := int(math.Round(float64(p.Pop-p.Urban) / PersonsPerHousehold))
	if hhUrban > 0 {
		precincts := split(r, hhUrban, max(minSettlements, int(math.Round(float64(hhUrban)/PrecinctSize))))
		for i, n := range precincts {
			c.Settlements = append(c.Settlements, &Settlement{Name: fmt.Sprintf("%s, дільниця %02d", p.Town, i+1), Stratum: Urban, Households: make([]Household, n)})
		}
	}
	if hhRural > 0 {
		villages := split(r, hhRural, max(minSettlements, int(math.Round(float64(hhRural)/VillageSize))))
		names := r.Perm(len(VillageNames))
		for i, n := range villages {
			name := "с. " + VillageNames[names[i%len(names)]]
			if i >= len(names) {
				name += fmt.Sprintf(" %d", i/len(names)+1)
			}
			c.Settlements = append(c.Settlements, &Settlement{Name: name, Stratum: Rural, Households: make([]Household, n)})
		}
	}
	for _, s := range c.Settlements {
		fill(s, models, r)
	}
	return c, nil
}

// orderedNeedModels returns the need model of each questionnaire option.
func orderedNeedModels() ([]needModel, error) {
	out := make([]needModel, len(project.NeedOptions))
	for i, o := range project.NeedOptions {
		m, ok := needModels[o.Key]
		if !ok {
			return nil, fmt.Errorf("the questionnaire asks about %q, which the generator has no need model for", o.Key)
		}
		out[i] = m
	}
	return out, nil
}

// fill draws the households of s: first who lives there (children with
// their ages and disabilities, adults with theirs), then the household's
// groups, then its needs — per member for the services a member needs,
// per household for the others.
func fill(s *Settlement, models []needModel, r *rand.Rand) {
	need := r.NormFloat64() * sdNeedEffect
	idp := r.NormFloat64() * sdIDPEffect
	child := r.NormFloat64() * sdChildEffect
	service := make([]float64, len(models))
	for i := range service {
		service[i] = r.NormFloat64() * sdServiceEffect
	}
	for i := range s.Households {
		h := &s.Households[i]
		elderly := false
		if bernoulli(r, logit(pChildren[s.Stratum])+child) {
			h.Children = 1 + draw(r, childrenCount)
			h.Adults = 1 + draw(r, adultsWithChildren)
		} else {
			h.Adults = 1 + draw(r, adultsAlone)
			elderly = r.Float64() < pElderlyHousehold
		}
		h.IDP = bernoulli(r, logit(pIDP[s.Stratum])+idp+odds(h.Children > 0, orIDPChildren))
		for range h.Adults {
			age := 18 + r.IntN(42)
			switch {
			case elderly:
				age = 60 + r.IntN(30)
			case h.Children > 0:
				age = 20 + r.IntN(36)
			}
			h.Members = append(h.Members, Member{Age: age, Disabled: r.Float64() < pAdultDisability[age >= 60]})
		}
		for range h.Children {
			m := Member{Age: r.IntN(18)}
			m.Disabled = bernoulli(r, logit(pDisability)+odds(h.IDP, 1.4)+odds(h.Large(), 1.4))
			h.Young = h.Young || m.Age < 4
			if m.Disabled {
				h.Disabled++
			}
			h.Members = append(h.Members, m)
		}
		single := h.Children > 0 && h.Adults == 1
		if h.Children > 0 {
			h.Low = bernoulli(r, logit(pLowIncome)+odds(h.IDP, 3)+odds(h.Large(), 3)+
				odds(h.Disabled > 0, 2.5)+odds(single, 1.8)+odds(s.Stratum == Rural, 1.4))
			h.SJO = bernoulli(r, logit(pSJO)+odds(h.Low, 4)+odds(h.IDP, 2)+odds(h.Disabled > 0, 2)+odds(single, 1.5))
		} else {
			h.Low = bernoulli(r, logit(pLowIncomeNoChildren)+odds(h.IDP, 3)+odds(s.Stratum == Rural, 1.4))
		}
		h.Needs = make([]bool, len(models))
		for k, m := range models {
			if m.Gate != nil && !m.Gate(h) {
				continue
			}
			groups := need + service[k] +
				odds(h.Children > 0, m.Children) + odds(h.IDP, m.IDP) + odds(h.Low, m.Low) +
				odds(h.Disabled > 0, m.Disability) + odds(h.Large(), m.Large) + odds(h.SJO, m.SJO) +
				odds(h.Children == 0 && h.Adults <= 2, m.Aged)
			if m.Member == nil {
				h.Needs[k] = bernoulli(r, logit(m.Base)+groups)
				continue
			}
			for j := range h.Members {
				mb := &h.Members[j]
				base, ok := m.Member(mb)
				if !ok || !bernoulli(r, logit(base)+groups) {
					continue
				}
				if mb.Needs == nil {
					mb.Needs = make([]bool, len(models))
				}
				mb.Needs[k] = true
				h.Needs[k] = true
			}
		}
	}
}

// odds returns log(or) when in holds and or is set, else 0: the term a
// group adds to a logit.
func odds(in bool, or float64) float64 {
	if !in || or == 0 {
		return 0
	}
	return math.Log(or)
}

func logit(p float64) float64 { return math.Log(p / (1 - p)) }

// bernoulli draws an event whose logit is x.
func bernoulli(r *rand.Rand, x float64) bool { return r.Float64() < 1/(1+math.Exp(-x)) }

// draw returns an index into probs, drawn with those probabilities.
func draw(r *rand.Rand, probs []float64) int {
	u := r.Float64()
	for i, p := range probs {
		if u < p {
			return i
		}
		u -= p
	}
	return len(probs) - 1
}

// split divides total into k positive parts of random, uneven sizes
// (log-normal shares), exactly summing to total.
func split(r *rand.Rand, total, k int) []int {
	shares := make([]float64, k)
	for i := range shares {
		shares[i] = math.Exp(0.5 * r.NormFloat64())
	}
	return Apportion(total, shares, 1)
}

// Apportion divides total in proportion to shares by the largest
// remainder, giving each part at least least (when total allows).
func Apportion(total int, shares []float64, least int) []int {
	k := len(shares)
	out := make([]int, k)
	if k == 0 {
		return out
	}
	rest := total - least*k
	if rest < 0 {
		rest, least = total, 0
	}
	sum := 0.0
	for _, s := range shares {
		sum += s
	}
	type rem struct {
		i int
		f float64
	}
	rems := make([]rem, k)
	given := 0
	for i, s := range shares {
		exact := float64(rest) * s / sum
		out[i] = least + int(exact)
		given += int(exact)
		rems[i] = rem{i, exact - math.Floor(exact)}
	}
	// Hand out what the floors left, largest remainder first (ties by
	// position, so the result does not depend on the sort).
	for left := rest - given; left > 0; left-- {
		best := -1
		for j, x := range rems {
			if x.f >= 0 && (best < 0 || x.f > rems[best].f) {
				best = j
			}
		}
		out[rems[best].i]++
		rems[best].f = -1
	}
	return out
}

// GroupCounts returns the true size of each default group in c, in the
// group's unit (children with disabilities are counted in children), and
// under "families_child_disability" the families with such a child. The
// groups are what their names say: "idp" counts displaced families with
// children, "sjo" families with children in difficult life circumstances.
// Under "idp_all" it counts every displaced household, under "members"
// every resident.
func (c *Community) GroupCounts() map[string]int {
	n := map[string]int{}
	for _, s := range c.Settlements {
		for i := range s.Households {
			h := &s.Households[i]
			n["families_with_children"] += b2i(h.Children > 0)
			n["idp"] += b2i(h.IDP && h.Children > 0)
			n["idp_all"] += b2i(h.IDP)
			n["low_income"] += b2i(h.Low)
			n["child_disability"] += h.Disabled
			n["families_child_disability"] += b2i(h.Disabled > 0)
			n["large_family"] += b2i(h.Large())
			n["sjo"] += b2i(h.SJO && h.Children > 0)
			n["members"] += len(h.Members)
			n["children"] += h.Children
		}
	}
	return n
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// InGroup reports whether h belongs to one of the default groups.
func (h *Household) InGroup() bool { return h.Children > 0 || h.Low }

// Demand returns, for each needs option, how many of c's clients need the
// service, in the service's unit (units by needs option): for a service
// drawn per member, the members who need it; otherwise the households that
// need it. Family services count only the households of a target group.
func (c *Community) Demand(units []hromada.Unit) []float64 {
	d := make([]float64, len(project.NeedOptions))
	for _, s := range c.Settlements {
		for i := range s.Households {
			h := &s.Households[i]
			for k, y := range h.Needs {
				if !y || (units[k] == hromada.Family && !h.InGroup()) {
					continue
				}
				if units[k] == hromada.Family {
					d[k]++
				} else {
					d[k] += float64(h.Clients(k))
				}
			}
		}
	}
	return d
}

// RegistryBias is the range of register count / true count for a group:
// displaced families stay registered after they move on, families in
// difficult circumstances are registered only once a service has assessed
// them, and so on.
func RegistryBias(group string) (lo, hi float64) {
	switch group {
	case "idp":
		return 1.00, 1.15
	case "sjo":
		return 0.85, 1.00
	case "large_family":
		return 1.00, 1.08
	case "low_income":
		return 0.92, 1.02
	}
	return 0.97, 1.03
}

// RosterAnswer is member m's answer to question name of the roster (the
// repeat group of household members of the shared contract: member_age,
// member_disability, member_needs), as a Kobo export writes it: the age
// as a number, "yes"/"no", and for member_needs the space-separated keys
// of the needs options in services (indices of project.NeedOptions, the
// child and person services the question lists) that m needs, or NoNeed.
// ok is false for a question the roster does not have.
func (m Member) RosterAnswer(name string, services []int) (answer any, ok bool) {
	switch name {
	case "member_age":
		return m.Age, true
	case "member_disability":
		return yesNo(m.Disabled), true
	case "member_needs":
		var keys []string
		for _, k := range services {
			if m.Needs != nil && m.Needs[k] {
				keys = append(keys, project.NeedOptions[k].Key)
			}
		}
		if len(keys) == 0 {
			return NoNeed, true
		}
		return strings.Join(keys, " "), true
	}
	return nil, false
}
