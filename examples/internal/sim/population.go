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
// before the settlement's random effect. Odds ratios below raise them for
// households in other groups, so the groups overlap as they do in life.
var (
	pChildren   = map[string]float64{Urban: 0.30, Rural: 0.28} // household has children under 18
	pIDP        = map[string]float64{Urban: 0.09, Rural: 0.05} // internally displaced
	pDisability = 0.029                                        // a child with a disability, among families with children
	pLowIncome  = 0.075                                        // receives low-income assistance
	pSJO        = 0.018                                        // in difficult life circumstances (СЖО)
	pYoungChild = 0.20                                         // each child is under 4 with this probability
)

// childrenCount is the distribution of the number of children in a family
// with children: 1, 2, 3, 4, 5.
var childrenCount = []float64{0.53, 0.40, 0.055, 0.012, 0.003}

// adultsWithChildren and adultsAlone are the distributions of the number of
// adults (1–4) in households with and without children.
var (
	adultsWithChildren = []float64{0.16, 0.60, 0.17, 0.07}
	adultsAlone        = []float64{0.36, 0.42, 0.15, 0.07}
)

// needModel gives the probability that a household needs a service: a base
// probability for a household in no group, odds ratios for each group the
// household belongs to, and who can need the service at all.
type needModel struct {
	Base                                             float64
	Children, IDP, Low, Disability, Large, SJO, Aged float64 // odds ratios; 0 means 1
	Gate                                             func(h *Household) bool
}

func withChildren(h *Household) bool   { return h.Children > 0 }
func withYoungChild(h *Household) bool { return h.Young }

// needModels are keyed by the needs option of the questionnaire.
var needModels = map[string]needModel{
	"social_support":     {Base: 0.012, IDP: 2, Low: 3, Disability: 2, SJO: 30},
	"counselling":        {Base: 0.06, Children: 1.3, IDP: 2.5, Low: 1.8, Disability: 2, SJO: 4},
	"psychosocial":       {Base: 0.04, Children: 1.2, IDP: 4, Disability: 3, SJO: 3},
	"crisis":             {Base: 0.004, IDP: 2, SJO: 10},
	"early_intervention": {Base: 0.05, Disability: 30, Gate: withYoungChild},
	"day_care_children":  {Base: 0.002, Disability: 250, Gate: withChildren},
	"inclusive_support":  {Base: 0.004, Disability: 110, Gate: withChildren},
	"respite_care":       {Base: 0.002, Disability: 120, Large: 2, Gate: withChildren},
	"home_care":          {Base: 0.02, Disability: 2, Aged: 3},
	"supported_living":   {Base: 0.002, IDP: 3, Disability: 5},
	"mediation":          {Base: 0.008, IDP: 1.5, SJO: 8},
	"representation":     {Base: 0.01, IDP: 3, Disability: 2, SJO: 6},
	"natural_aid":        {Base: 0.035, IDP: 5, Low: 7, Large: 4, SJO: 3},
	"information":        {Base: 0.09, Children: 1.5, IDP: 3, Disability: 2},
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

// Household is one household of the synthetic population, as it truly is.
type Household struct {
	Adults, Children int
	Young            bool // a child under 4: not asked, drives early intervention
	Disabled         int  // children with a disability
	IDP, Low, SJO    bool
	Needs            []bool // by index of project.NeedOptions
}

// Large reports whether the family has three or more children.
func (h *Household) Large() bool { return h.Children >= 3 }

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

// fill draws the households of s.
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
		if bernoulli(r, logit(pChildren[s.Stratum])+child) {
			h.Children = 1 + draw(r, childrenCount)
			h.Adults = 1 + draw(r, adultsWithChildren)
			for range h.Children {
				h.Young = h.Young || r.Float64() < pYoungChild
			}
		} else {
			h.Adults = 1 + draw(r, adultsAlone)
		}
		h.IDP = bernoulli(r, logit(pIDP[s.Stratum])+idp+odds(h.Children > 0, 1.2))
		if h.Children > 0 && bernoulli(r, logit(pDisability)+odds(h.IDP, 1.4)+odds(h.Large(), 1.4)) {
			h.Disabled = 1
			if r.Float64() < 0.06 && h.Children > 1 {
				h.Disabled = 2
			}
		}
		single := h.Children > 0 && h.Adults == 1
		h.Low = bernoulli(r, logit(pLowIncome)+odds(h.IDP, 3)+odds(h.Large(), 3)+
			odds(h.Disabled > 0, 2.5)+odds(single, 1.8)+odds(s.Stratum == Rural, 1.4))
		h.SJO = bernoulli(r, logit(pSJO)+odds(h.Low, 4)+odds(h.IDP, 2)+odds(h.Disabled > 0, 2)+odds(single, 1.5))
		h.Needs = make([]bool, len(models))
		for k, m := range models {
			if m.Gate != nil && !m.Gate(h) {
				continue
			}
			x := logit(m.Base) + need + service[k] +
				odds(h.Children > 0, m.Children) + odds(h.IDP, m.IDP) + odds(h.Low, m.Low) +
				odds(h.Disabled > 0, m.Disability) + odds(h.Large(), m.Large) + odds(h.SJO, m.SJO) +
				odds(h.Children == 0 && h.Adults <= 2, m.Aged)
			h.Needs[k] = bernoulli(r, x)
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
// under "families_child_disability" the families with such a child.
func (c *Community) GroupCounts() map[string]int {
	n := map[string]int{}
	for _, s := range c.Settlements {
		for i := range s.Households {
			h := &s.Households[i]
			n["families_with_children"] += b2i(h.Children > 0)
			n["idp"] += b2i(h.IDP)
			n["low_income"] += b2i(h.Low)
			n["child_disability"] += h.Disabled
			n["families_child_disability"] += b2i(h.Disabled > 0)
			n["large_family"] += b2i(h.Large())
			n["sjo"] += b2i(h.SJO)
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

// Demand returns, for each needs option, how many of c's households in a
// target group need the service, in the service's unit (units by needs
// option): a child service counts each child with a disability of the
// family.
func (c *Community) Demand(units []hromada.Unit) []float64 {
	d := make([]float64, len(project.NeedOptions))
	for _, s := range c.Settlements {
		for i := range s.Households {
			h := &s.Households[i]
			if h.Children == 0 && !h.IDP && !h.Low && !h.SJO {
				continue
			}
			for k, y := range h.Needs {
				if !y {
					continue
				}
				if units[k] == hromada.Child {
					d[k] += float64(max(1, h.Disabled))
				} else {
					d[k]++
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
