package plan

import (
	"math"

	"github.com/hromada-tool/hromada"
)

// Clients returns the target clients of a service for years 1 … n of the
// plan, on the path of tg from the current clients to target:
//
//	step    p_k = target
//	linear  p_k = current + (target − current) · min(k, m) / m    (m = tg.Years)
//	ramp    p_k = r_min(k, len r) · target                        (r = tg.Ramp)
//	clients_k = max(current, p_k)
//
// The path starts from the clients served now, not from the capacity: a
// provider's spare capacity is not served demand. Clients never fall below
// the current clients: the plan grows services, it does not cut them, even
// when the target is lower than what providers already serve.
func Clients(current, target float64, tg Target, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		k := i + 1
		p := target
		switch tg.Path {
		case Linear:
			m := max(tg.Years, 1)
			p = current + (target-current)*float64(min(k, m))/float64(m)
		case Ramp:
			if len(tg.Ramp) > 0 {
				p = tg.Ramp[min(k, len(tg.Ramp))-1] * target
			}
		}
		out[i] = math.Max(current, p)
	}
	return out
}

// CeilToStep rounds x up to a multiple of step: step · ⌈x / step⌉, with a
// relative tolerance of 1e-9 so that 2.0000000000000004 posts stay 2.
func CeilToStep(x, step float64) float64 {
	if x <= 0 {
		return 0
	}
	q := x / step
	n := math.Ceil(q)
	if n-q > 1-eps*math.Max(1, q) { // q is an integer but for rounding
		n--
	}
	return n * step
}

// Staff returns the staff of a service year by year for the target clients
// (Year.Year is left for the caller), and whether the minimum staff was
// above the caseload figure in some year. operating is true when providers
// already offer the service; existing is their staff in post plus vacant
// posts.
//
//	FTE_k   = ceil_to_step(max(min_staff, clients_k / caseload), step)
//	          when clients_k > 0 or operating; 0 otherwise
//	Staff_0 = existing
//	Staff_k = max(Staff_{k−1}, FTE_k)
//	Hires_k = Staff_k − Staff_{k−1}
//
// The minimum staff is rounded up to the step like the caseload figure, so
// FTE is always a whole number of steps. Vacant posts count as existing
// staff: they are in the staff schedule and the budget already, so filling
// them is not a new post. Posts are never cut: a year that needs fewer
// staff keeps last year's establishment.
//
// The error says the caseload is missing when there are clients to staff.
func Staff(s hromada.Service, operating bool, clients []float64, existing, step float64) ([]Year, bool, error) {
	years := make([]Year, len(clients))
	staff := existing
	minBinds := false
	for i, c := range clients {
		fte := 0.0
		if c > 0 || operating {
			need := 0.0
			if c > 0 {
				if !(s.Caseload > 0) || math.IsInf(s.Caseload, 1) {
					return nil, false, hromada.Errorf("навантаження %v: має бути більше 0, щоб забезпечити персоналом %v клієнтів: %w", "caseload %v: it must be above 0 to staff %v clients: %w", hromada.Number(s.Caseload, 6), hromada.Number(c, 6), ErrInput)
				}
				need = c / s.Caseload
			}
			fte = CeilToStep(math.Max(s.MinStaff, need), step)
			if fte > CeilToStep(need, step) {
				minBinds = true
			}
		}
		next := math.Max(staff, fte)
		years[i] = Year{Clients: c, FTE: fte, Staff: next, Hires: next - staff}
		staff = next
	}
	return years, minBinds, nil
}

// Split divides fte, a whole number of steps, among the post types of a
// service by their shares, in whole steps, so that the posts add up to fte
// exactly (largest remainder): each post gets ⌊u · share⌋ steps of the
// u = fte / step steps, and the steps left over go one each to the posts
// with the largest fractional part of u · share, earlier posts first on a
// tie. A post with a small share may get 0 in a small service.
func Split(fte float64, posts []PostShare, step float64) []PostFTE {
	u := int(math.Round(fte / step))
	out := make([]PostFTE, len(posts))
	frac := make([]float64, len(posts))
	left := u
	for i, p := range posts {
		q := float64(u) * p.Share
		n := int(math.Floor(q + eps))
		out[i] = PostFTE{Post: p.Post, FTE: float64(n) * step}
		frac[i] = q - float64(n)
		left -= n
	}
	for ; left > 0; left-- {
		best := -1
		for i := range posts {
			if best < 0 || frac[i] > frac[best]+eps {
				best = i
			}
		}
		if best < 0 {
			break
		}
		out[best].FTE += step
		frac[best] = -1
	}
	return out
}
