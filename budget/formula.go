package budget

import "math"

// Index returns the cumulative index of each of n years from growth
// rates, the first year being the base:
//
//	I_0 = 1,  I_t = I_{t−1} · (1 + rate_t)
//
// rates holds one rate for every year or one per year (rates[0] is then
// the growth into the first year, which the base year does not use).
func Index(rates []float64, n int) []float64 {
	idx := make([]float64, n)
	for t := range n {
		if t == 0 {
			idx[t] = 1
			continue
		}
		idx[t] = idx[t-1] * (1 + RateAt(rates, t))
	}
	return idx
}

// RateAt returns the rate of year t from a slice of rates: none (0), one
// for every year, or one a year.
func RateAt(rates []float64, t int) float64 {
	switch len(rates) {
	case 0:
		return 0
	case 1:
		return rates[0]
	}
	return rates[t]
}

// AnnualPay returns the pay of one full-time post for a year, and how many
// months the minimum wage lifted it. salary is the indexed monthly salary
// S_0 · W_t; minimum[m] is the monthly minimum wage in force in month m:
//
//	S_{t,m} = max(S_0 · W_t, MW_{t,m})
//	pay_t   = (12 + extra) / 12 · Σ_{m=1..12} S_{t,m}
//
// The extra months (bonuses, leave pay) are paid at the year's average
// floored monthly salary. With no minimum-wage step inside the year this
// is METHODS.md §3's S_t · (12 + extra); the employer cost EC_t is
// pay_t · (1 + ЄСВ).
func AnnualPay(salary float64, minimum [12]float64, extraMonths float64) (pay float64, floored int) {
	var sum float64
	for _, mw := range minimum {
		s := salary
		if mw > salary {
			s = mw
			floored++
		}
		sum += s
	}
	return sum * (12 + extraMonths) / 12, floored
}

// EAC returns the equivalent annual cost of an item costing c with a
// useful life of n years at rate r:
//
//	EAC = c · r(1+r)^n / ((1+r)^n − 1),   c / n when r = 0
func EAC(c, r float64, n int) float64 {
	if n < 1 {
		return math.NaN()
	}
	if r == 0 {
		return c / float64(n)
	}
	f := math.Pow(1+r, float64(n))
	return c * r * f / (f - 1)
}

// Present returns the discounted sum of yearly values, the first year
// undiscounted:
//
//	PV = Σ_t x_t / (1 + r)^t
func Present(x []float64, r float64) float64 {
	var pv float64
	d := 1.0
	for _, v := range x {
		pv += v / d
		d *= 1 + r
	}
	return pv
}
