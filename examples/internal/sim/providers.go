package sim

import (
	"math"
	"math/rand/v2"

	"github.com/hromada-tool/hromada"
)

// ProviderRow is the Providers row (Annex 2) of a provider's service sv in
// community code, whose target groups need demand of it, when the
// provider covers the share cover of that demand: the annual capacity
// (that share, ±15 %), current clients (70–100 % of capacity), staff FTE
// (from the catalogue's caseload, in quarter posts) and vacancies.
func ProviderRow(code, provider, ownership string, sv hromada.Service, demand, cover float64, r *rand.Rand) []any {
	capacity := roundCount(demand * cover * (0.85 + 0.3*r.Float64()))
	clients := roundCount(capacity * (0.7 + 0.3*r.Float64()))
	staff := math.Max(0.25, math.Ceil(capacity/sv.Caseload*4)/4)
	vacancies := math.Floor(staff*0.15*r.Float64()*2) / 2
	return []any{code, provider, ownership, sv.Code, capacity, clients, staff, vacancies}
}

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
