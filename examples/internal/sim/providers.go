package sim

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/hromada-tool/hromada"
)

// roundCount rounds a number of clients as a provider would report it:
// whole below 50, to 5 below 500, to 10 above; at least 1.
func roundCount(x float64) float64 {
	switch {
	case x < 50:
		return math.Max(1, math.Round(x))
	case x < 500:
		return math.Round(x/5) * 5
	}
	return math.Round(x/10) * 10
}

// PostCapacity is the number of clients one post of an existing provider
// serves in a year, by needs option: what the example's providers report
// as capacity for the staff they have. Sources, where found (NORMS.md):
//   - home_care 10: a social worker of a territorial centre serves 9–10
//     clients at home "according to the standards" (a city territorial
//     centre, 2020, yu.mk.ua/print/news/32176);
//   - day_care_children 2.4: a day-care unit takes a group of 12 children
//     (6–10 per group for complex disabilities, up to 15 in an inclusive
//     group: orders of 20.02.2002 No 128 and 06.02.2015) with a team of 5 —
//     psychologist, special-needs teacher, rehabilitation specialist,
//     speech therapist, educator (Zhytomyr city council, day-care page);
//   - inclusive_support 1.5: an assistant works with 1–3 children with
//     special needs of an inclusive group (same orders).
//
// The others are the example's assumptions, in clients a year: social
// support 20 families (10–12 at a time, support lasting about six months),
// early intervention 10 families, respite 12 short stays, supported living
// 4 residents, crisis 80 and mediation 40 cases, representation 60,
// psychosocial support 60 clients (about ten sessions each), counselling
// 200 and in-kind aid 300 (a consultation or a hand-over each),
// information 800.
var PostCapacity = map[string]float64{
	"home_care":          10,
	"day_care_children":  2.4,
	"inclusive_support":  1.5,
	"social_support":     20,
	"early_intervention": 10,
	"respite_care":       12,
	"supported_living":   4,
	"crisis":             80,
	"mediation":          40,
	"representation":     60,
	"psychosocial":       60,
	"counselling":        200,
	"natural_aid":        300,
	"information":        800,
}

// StaffedProviderRow is the Providers row (Annex 2) of a provider's
// service sv (needs option key) in community code, sized as a real
// provider is: by the staff FTE it has for the service. The annual
// capacity is staff × PostCapacity (±10 %, as providers count it
// differently), current clients 70–100 % of capacity, vacancies up to
// 15 % of staff in half posts.
func StaffedProviderRow(code, provider, ownership, key string, sv hromada.Service, staff float64, r *rand.Rand) ([]any, error) {
	per, ok := PostCapacity[key]
	if !ok {
		return nil, fmt.Errorf("no capacity per post for service %q", key)
	}
	capacity := roundCount(staff * per * (0.9 + 0.2*r.Float64()))
	clients := roundCount(capacity * (0.7 + 0.3*r.Float64()))
	vacancies := math.Floor(staff*0.15*r.Float64()*2) / 2
	return []any{code, provider, ownership, sv.Code, capacity, clients, staff, vacancies}, nil
}
