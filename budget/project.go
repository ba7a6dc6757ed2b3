package budget

import (
	"math"
	"slices"
)

// LineKind is what a cost line pays for.
type LineKind string

// Kinds of cost lines, in the order a service's lines come.
const (
	KindWages   LineKind = "wages"   // pay of a post, КЕКВ 2111
	KindESV     LineKind = "esv"     // ЄСВ on that pay, КЕКВ 2120
	KindOther   LineKind = "other"   // a recurrent non-staff cost
	KindAdmin   LineKind = "admin"   // admin share on the service's direct cost
	KindStartup LineKind = "startup" // a start-up purchase, in the year paid
)

// Economic codes (КЕКВ) of the staff lines and the default of admin.
const (
	KEKVWages = "2111" // Заробітна плата
	KEKVESV   = "2120" // Нарахування на оплату праці
	KEKVAdmin = "2240" // Оплата послуг (крім комунальних): admin when Params.AdminKEKV is empty
)

// Result is a community's budget projection.
type Result struct {
	Years     []int     // calendar years of the horizon
	CPIIndex  []float64 // I_t, 1 in the first year
	WageIndex []float64 // W_t, 1 in the first year

	Staff  []StaffCost // one per service × post: how its pay was made
	Lines  []Line      // every cost line, service by service
	Shares []Shares    // funding shares by service and year
	// Services sums the lines of each service by year: its cost, its
	// funding and what the local budget takes over from the donor; one
	// per service, in the order of Input.Services.
	Services []ServiceCost

	Totals  []YearTotal // by year, with affordability
	Horizon Horizon     // over all years: the cumulative local commitment
	Cliff   Cliff       // the year donor money ends

	UnitCosts   []UnitCost // by service and year
	ByProgramme []Pivot    // lines summed by programme code (КПКВК МБ)
	ByKEKV      []Pivot    // lines summed by economic code (КЕКВ)

	// Skipped lists the cost rows and funding schedules whose service is
	// not in the plan (a service the planner dropped): they are left out
	// of every figure.
	Skipped []Skipped
}

// StaffCost shows how the staff cost of one post of a service is made,
// year by year.
type StaffCost struct {
	Service, Post string
	PostEN        string    // the post's name in English workbooks, "" for Post
	FTE           []float64 // FTE_{p,t}
	Salary        []float64 // indexed monthly salary S_0 · W_t, before the floor
	Floored       []int     // months of the year the minimum wage lifted the salary
	Pay           []float64 // pay of one FTE for the year, extra months included ([AnnualPay])
	Employer      []float64 // employer cost of one FTE: EC_t = Pay_t · (1 + ЄСВ)
}

// Line is one cost line of a service with its amount and funding each
// year. Donor_t + State_t + Local_t = Amount_t.
type Line struct {
	Service   string
	Programme string // КПКВК МБ
	Kind      LineKind
	Item      string // post, item or "admin"
	ItemEN    string // the post's or item's name in English workbooks, "" for Item
	KEKV      string // КЕКВ
	Amount    []float64
	Donor     []float64
	State     []float64
	Local     []float64
}

// Shares are the funding shares of a service's lines by year.
type Shares struct {
	Service             string
	Donor, State, Local []float64
}

// ServiceCost is the cost of one service and its funding by year, the
// sums of its lines, and the cost the local budget takes over from the
// donor each year t ≥ 1: the rise of the service's local share times last
// year's cost,
//
//	TakenOver_t = (l_t − l_{t−1}) · T_{t−1}     (0 in the first year)
//
// At the donor cliff its sum over the services is [Cliff].DonorExit.
type ServiceCost struct {
	Service                    string
	Total, Donor, State, Local []float64
	TakenOver                  []float64
}

// YearTotal sums a year's lines and relates the local cost to the
// community's budget.
type YearTotal struct {
	Year      int
	Staff     float64 // wages and ЄСВ
	Other     float64 // other direct costs
	Admin     float64
	Recurrent float64 // staff + other + admin
	Startup   float64 // start-up purchases of the year
	Total     float64 // recurrent + start-up

	Donor, State, Local float64
	CumulativeLocal     float64 // local cost of this year and all before it
	TakenOver           float64 // Σ_s [ServiceCost].TakenOver: at the cliff, Cliff.DonorExit

	Revenue        float64 // R_t = R · (1 + g)^(year − base year); NaN when unknown
	Social         float64 // social-protection spending, grown like revenue; NaN when unknown
	ShareOfRevenue float64 // Local / Revenue; NaN when unknown
	ShareOfSocial  float64 // Local / Social; NaN when unknown
	PerResident    float64 // Local / Population; NaN without population
	OverThreshold  bool    // ShareOfRevenue > Input.Threshold (when the threshold is set)
}

// Horizon sums the years: the cost, its funding and the cumulative local
// commitment, undiscounted and discounted at Params.Discount
// ([Present]).
type Horizon struct {
	Total, Donor, State, Local float64
	TotalPV, LocalPV           float64
}

// Cliff is the first year with no donor money after a year with some, and
// the jump in local cost that year:
//
//	Jump       = L_c − L_{c−1}
//	DonorExit  = Σ_s (l_{s,c} − l_{s,c−1}) · T_{s,c−1}
//	Indexation = Jump − DonorExit = Σ_s l_{s,c} · (T_{s,c} − T_{s,c−1})
//
// with L the local cost, l_s and T_s the local share and total cost of
// service s. DonorExit is the cost the local budget takes over from the
// donor, at last year's cost; Indexation is the rest: the growth of the
// cost itself (prices, wages, clients, start-up purchases) on the local
// share.
//
// Year is 0 when there is no cliff in the horizon: no donor money at all,
// or donor money to the last year (tell them apart by [YearTotal].Donor).
type Cliff struct {
	Year              int
	LocalBefore       float64 // L_{c−1}
	Local             float64 // L_c
	Jump              float64
	DonorExit         float64
	Indexation        float64
	DonorBefore       float64 // donor money of the year before the cliff
	CumulativeToCliff float64 // local cost of the years before the cliff
}

// UnitCost is the cost per client of a service in a year, with start-up
// items spread over their life:
//
//	Capital_t   = I_t · Σ_{items bought by year t} EAC(C, r, life)
//	Total_t     = Recurrent_t + Capital_t
//	PerClient_t = Total_t / clients_t           (NaN with no clients)
//	Constant_t  = PerClient_t / I_t             (first-year prices)
type UnitCost struct {
	Service   string
	Year      int
	Clients   float64
	Recurrent float64
	Capital   float64
	Total     float64
	PerClient float64
	Constant  float64
}

// Pivot is the lines of one code summed by year.
type Pivot struct {
	Code                        string
	Amount, Donor, State, Local []float64
}

// Project computes the budget projection of in: every cost line by year,
// its funding, the totals, the donor cliff, affordability, unit costs and
// the pivots by programme and economic code. See the package
// documentation for the formulas.
//
// The error, when not nil, is an [InputErrors] listing every problem of
// the input; each matches [ErrInput].
func Project(in Input) (*Result, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	n := in.Years
	p := in.Params
	r := &Result{
		Years:     make([]int, n),
		CPIIndex:  Index(p.CPI, n),
		WageIndex: Index(p.WageGrowth, n),
		Skipped:   in.skipped(),
	}
	for t := range n {
		r.Years[t] = in.FirstYear + t
	}
	for _, s := range in.Services {
		r.addService(in, s)
	}
	r.fund(in)
	r.total(in)
	r.cliff()
	r.unitCosts(in)
	r.ByProgramme = pivot(r.Lines, n, func(l Line) string { return l.Programme })
	r.ByKEKV = pivot(r.Lines, n, func(l Line) string { return l.KEKV })
	return r, nil
}

// addService adds the cost lines of service s, and the staff cost of its
// posts, in this order: wages and ЄСВ of each post, the other
// costs, admin, the start-up items.
func (r *Result) addService(in Input, s Service) {
	n, p := in.Years, in.Params
	adminKEKV := p.AdminKEKV
	if adminKEKV == "" {
		adminKEKV = KEKVAdmin
	}
	I, W := r.CPIIndex, r.WageIndex
	// line adds a line of s; its Amount is filled in through the
	// returned copy, which shares the slice.
	line := func(kind LineKind, item, itemEN, kekv string) Line {
		l := Line{Service: s.Code, Programme: s.Programme, Kind: kind, Item: item, ItemEN: itemEN, KEKV: kekv, Amount: make([]float64, n)}
		r.Lines = append(r.Lines, l)
		return l
	}
	direct := make([]float64, n)
	active := make([]bool, n)
	for t := range n {
		active[t] = s.Clients[t] > 0 || s.FTE[t] > 0
	}
	for _, post := range in.Posts {
		if post.Service != s.Code {
			continue
		}
		sc := StaffCost{Service: s.Code, Post: post.Post, PostEN: post.PostEN, FTE: make([]float64, n), Salary: make([]float64, n),
			Floored: make([]int, n), Pay: make([]float64, n), Employer: make([]float64, n)}
		wages := line(KindWages, post.Post, post.PostEN, KEKVWages)
		esv := line(KindESV, post.Post, post.PostEN, KEKVESV)
		for t := range n {
			if v, ok := s.PostFTE[post.Post]; ok {
				sc.FTE[t] = v[t]
			} else {
				sc.FTE[t] = post.Share * s.FTE[t]
			}
			active[t] = active[t] || sc.FTE[t] > 0
			sc.Salary[t] = post.Salary * W[t]
			sc.Pay[t], sc.Floored[t] = AnnualPay(sc.Salary[t], p.MinimumWage[t], post.ExtraMonths)
			sc.Employer[t] = sc.Pay[t] * (1 + p.ESV)
			wages.Amount[t] = sc.FTE[t] * sc.Pay[t]
			esv.Amount[t] = wages.Amount[t] * p.ESV
			direct[t] += wages.Amount[t] + esv.Amount[t]
		}
		r.Staff = append(r.Staff, sc)
	}
	for _, o := range in.Other {
		if o.Service != s.Code {
			continue
		}
		l := line(KindOther, o.Item, o.ItemEN, o.KEKV)
		for t := range n {
			switch {
			case o.Basis == PerClient:
				l.Amount[t] = o.Amount * s.Clients[t] * I[t]
			case active[t]:
				l.Amount[t] = o.Amount * I[t]
			}
			direct[t] += l.Amount[t]
		}
	}
	l := line(KindAdmin, "admin", "", adminKEKV)
	for t := range n {
		l.Amount[t] = p.Admin * direct[t]
	}
	for _, st := range in.Startup {
		if st.Service != s.Code {
			continue
		}
		l := line(KindStartup, st.Item, st.ItemEN, st.KEKV)
		for t := range n {
			if k := r.Years[t] - st.Year; k >= 0 && k%st.Life == 0 {
				l.Amount[t] = st.Amount * I[t]
			}
		}
	}
}

// serviceTotals returns the total cost of every service by year.
func (r *Result) serviceTotals(n int) map[string][]float64 {
	tot := map[string][]float64{}
	for _, l := range r.Lines {
		if tot[l.Service] == nil {
			tot[l.Service] = make([]float64, n)
		}
		for t, a := range l.Amount {
			tot[l.Service][t] += a
		}
	}
	return tot
}

// fund sets the shares of every service and the funding of every line.
func (r *Result) fund(in Input) {
	n := in.Years
	tot := r.serviceTotals(n)
	// A schedule's total: the services it covers (for a donor cap).
	group := map[string][]float64{}
	for _, s := range in.Services {
		_, key := in.Funding.schedule(s.Code)
		if group[key] == nil {
			group[key] = make([]float64, n)
		}
		for t := range n {
			group[key][t] += at(tot[s.Code], t)
		}
	}
	share := map[string]Shares{}
	for _, s := range in.Services {
		sch, key := in.Funding.schedule(s.Code)
		sh := Shares{Service: s.Code, Donor: make([]float64, n), State: make([]float64, n), Local: make([]float64, n)}
		for t := range n {
			sh.Donor[t], sh.State[t], sh.Local[t] = sch.Shares(t, group[key][t])
		}
		share[s.Code] = sh
		r.Shares = append(r.Shares, sh)
	}
	for i := range r.Lines {
		l := &r.Lines[i]
		sh := share[l.Service]
		l.Donor, l.State, l.Local = make([]float64, n), make([]float64, n), make([]float64, n)
		for t, a := range l.Amount {
			l.Donor[t] = sh.Donor[t] * a
			l.State[t] = sh.State[t] * a
			l.Local[t] = a - l.Donor[t] - l.State[t]
		}
	}
	r.serviceCosts(in, tot)
}

// serviceCosts sums the funded lines of every service by year and finds
// what the local budget takes over from the donor; tot is the services'
// total cost by year.
func (r *Result) serviceCosts(in Input, tot map[string][]float64) {
	n := in.Years
	idx := map[string]int{}
	r.Services = make([]ServiceCost, len(in.Services))
	for i, s := range in.Services {
		idx[s.Code] = i
		r.Services[i] = ServiceCost{Service: s.Code, Total: make([]float64, n), Donor: make([]float64, n),
			State: make([]float64, n), Local: make([]float64, n), TakenOver: make([]float64, n)}
		copy(r.Services[i].Total, tot[s.Code])
	}
	for _, l := range r.Lines {
		sc := &r.Services[idx[l.Service]]
		for t := range n {
			sc.Donor[t] += l.Donor[t]
			sc.State[t] += l.State[t]
			sc.Local[t] += l.Local[t]
		}
	}
	for i, sh := range r.Shares {
		sc := &r.Services[i]
		for t := 1; t < n; t++ {
			sc.TakenOver[t] = (sh.Local[t] - sh.Local[t-1]) * sc.Total[t-1]
		}
	}
}

// total sums the lines by year and relates the local cost to the budget.
func (r *Result) total(in Input) {
	n := in.Years
	r.Totals = make([]YearTotal, n)
	for t := range n {
		y := &r.Totals[t]
		y.Year = r.Years[t]
		for _, l := range r.Lines {
			a := l.Amount[t]
			switch l.Kind {
			case KindWages, KindESV:
				y.Staff += a
			case KindOther:
				y.Other += a
			case KindAdmin:
				y.Admin += a
			case KindStartup:
				y.Startup += a
			}
			y.Donor += l.Donor[t]
			y.State += l.State[t]
			y.Local += l.Local[t]
		}
		for _, sc := range r.Services {
			y.TakenOver += sc.TakenOver[t]
		}
		y.Recurrent = y.Staff + y.Other + y.Admin
		y.Total = y.Recurrent + y.Startup
		y.CumulativeLocal = y.Local
		if t > 0 {
			y.CumulativeLocal += r.Totals[t-1].CumulativeLocal
		}
		rev := in.Revenue
		y.Revenue, y.Social = math.NaN(), math.NaN()
		if rev.Year != 0 {
			g := math.Pow(1+rev.Growth, float64(y.Year-rev.Year))
			if rev.Revenue > 0 {
				y.Revenue = rev.Revenue * g
			}
			if rev.Social > 0 {
				y.Social = rev.Social * g
			}
		}
		y.ShareOfRevenue = y.Local / y.Revenue
		y.ShareOfSocial = y.Local / y.Social
		y.PerResident = math.NaN()
		if in.Population > 0 {
			y.PerResident = y.Local / float64(in.Population)
		}
		y.OverThreshold = in.Threshold > 0 && y.ShareOfRevenue > in.Threshold
	}
	total, local := make([]float64, n), make([]float64, n)
	for t, y := range r.Totals {
		r.Horizon.Total += y.Total
		r.Horizon.Donor += y.Donor
		r.Horizon.State += y.State
		r.Horizon.Local += y.Local
		total[t], local[t] = y.Total, y.Local
	}
	r.Horizon.TotalPV = Present(total, in.Params.Discount)
	r.Horizon.LocalPV = Present(local, in.Params.Discount)
}

// cliff finds the donor cliff and splits its jump: the donor exit is
// the cost the local budget takes over that year ([YearTotal].TakenOver).
func (r *Result) cliff() {
	some := false
	for c, y := range r.Totals {
		if y.Donor > 0 {
			some = true
			continue
		}
		if !some {
			continue
		}
		prev := r.Totals[c-1]
		cl := Cliff{Year: y.Year, LocalBefore: prev.Local, Local: y.Local, Jump: y.Local - prev.Local,
			DonorExit: y.TakenOver, DonorBefore: prev.Donor, CumulativeToCliff: prev.CumulativeLocal}
		cl.Indexation = cl.Jump - cl.DonorExit
		r.Cliff = cl
		return
	}
}

// unitCosts computes the cost per client of every service and year.
func (r *Result) unitCosts(in Input) {
	I := r.CPIIndex
	rec := map[string][]float64{}
	for _, l := range r.Lines {
		if l.Kind == KindStartup {
			continue
		}
		if rec[l.Service] == nil {
			rec[l.Service] = make([]float64, in.Years)
		}
		for t, a := range l.Amount {
			rec[l.Service][t] += a
		}
	}
	for _, s := range in.Services {
		for t := range in.Years {
			u := UnitCost{Service: s.Code, Year: r.Years[t], Clients: s.Clients[t], Recurrent: at(rec[s.Code], t)}
			for _, st := range in.Startup {
				if st.Service == s.Code && r.Years[t] >= st.Year {
					u.Capital += EAC(st.Amount, in.Params.CapitalRate, st.Life) * I[t]
				}
			}
			u.Total = u.Recurrent + u.Capital
			u.PerClient, u.Constant = math.NaN(), math.NaN()
			if u.Clients > 0 {
				u.PerClient = u.Total / u.Clients
				u.Constant = u.PerClient / I[t]
			}
			r.UnitCosts = append(r.UnitCosts, u)
		}
	}
}

// pivot sums lines by the code key gives, codes in ascending order.
func pivot(lines []Line, n int, key func(Line) string) []Pivot {
	idx := map[string]int{}
	var out []Pivot
	for _, l := range lines {
		k := key(l)
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, Pivot{Code: k, Amount: make([]float64, n), Donor: make([]float64, n), State: make([]float64, n), Local: make([]float64, n)})
		}
		pv := &out[i]
		for t := range n {
			pv.Amount[t] += l.Amount[t]
			pv.Donor[t] += l.Donor[t]
			pv.State[t] += l.State[t]
			pv.Local[t] += l.Local[t]
		}
	}
	slices.SortFunc(out, func(a, b Pivot) int {
		switch {
		case a.Code < b.Code:
			return -1
		case a.Code > b.Code:
			return 1
		}
		return 0
	})
	return out
}
