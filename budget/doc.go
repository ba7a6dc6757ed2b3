// Package budget projects what a community's social services will cost
// each year of the plan and what the local budget must carry once donor
// money ends. It follows METHODS.md §3 and answers the budget officer's
// questions: the cost by service, year, funding source, programme code
// (КПКВК МБ) and economic code (КЕКВ); the year of the donor cliff and the
// jump in local cost it brings; the cumulative local commitment; and
// whether the community can afford it.
//
// It is pure computation: values in, values and an error out. It reads no
// file and prints nothing; the caller reads the plan, the cost inputs and
// the catalogue's dated parameters into an [Input]. One Input is one
// community.
//
// # The common case
//
//	r, err := budget.Project(budget.Input{
//		FirstYear: 2026, Years: 5,
//		Services: []budget.Service{{Code: "010.1", Programme: "3121",
//			Clients: []float64{24, 36, 48, 48, 48}, FTE: []float64{1, 1.5, 2, 2, 2}}},
//		Posts:   []budget.Post{{Service: "010.1", Post: "social worker", Share: 1, Salary: 8000, ExtraMonths: 1}},
//		Other:   []budget.OtherCost{{Service: "010.1", Item: "materials", Basis: budget.PerClient, Amount: 1000, KEKV: "2210"}},
//		Startup: []budget.Startup{{Service: "010.1", Item: "laptops", Amount: 60000, Year: 2026, Life: 3, KEKV: "3110"}},
//		Funding: budget.Funding{Default: budget.Schedule{Donor: []float64{1, 0.7, 0.4, 0, 0}}},
//		Params: budget.Params{ESV: 0.22, MinimumWage: mw, // 8,647 UAH a month: cat.Parameters().MinimumWageMonths(year)
//			WageGrowth: []float64{0.05}, CPI: []float64{0.099}, Admin: 0.1},
//		Revenue: budget.Revenue{Year: 2022, Revenue: 182563937.14, Growth: 0.05},
//		Population: 19530, Threshold: 0.01,
//	})
//
// [Result] holds every cost [Line] with its donor, state and local part by
// year, each service's cost and funding ([ServiceCost]), the [YearTotal]s
// with affordability, the [Cliff], the [Horizon] totals, the [UnitCost]s
// and the pivots by programme and economic code.
// [Scenarios] projects named bundles of assumptions ([Presets] gives low,
// base and high) and [Tornado] varies one driver at a time by ±20 %.
//
// # Formulas
//
// Years are t = 0 … T−1, t = 0 the first planning year. Every amount of
// the input is in prices of the first year, so the indexes start at 1
// there ([Index]):
//
//	W_0 = 1, W_t = W_{t−1} · (1 + g_w,t)        wage index
//	I_0 = 1, I_t = I_{t−1} · (1 + π_t)          price (CPI) index
//
// Staff, for post p of service s ([AnnualPay]):
//
//	FTE_{p,t} = PostFTE_{p,t}, or Share_p · FTE_{s,t}
//	S_{p,t,m} = max(S_{p,0} · W_t, MW_{t,m})     m = the 12 months
//	Pay_{p,t} = (12 + extra_p)/12 · Σ_m S_{p,t,m}
//	Wages_{p,t} = FTE_{p,t} · Pay_{p,t}                         КЕКВ 2111
//	ЄСВ_{p,t}   = Wages_{p,t} · ЄСВ                             КЕКВ 2120
//
// so the employer cost of one FTE is EC_t = Pay_t · (1 + ЄСВ), which is
// S_t · (12 + extra) · (1 + ЄСВ) when the minimum wage does not change
// inside the year.
//
// Other direct costs, admin, start-up:
//
//	Fixed_{i,t}     = A_i · I_t           in a year the service runs
//	PerClient_{i,t} = A_i · clients_t · I_t
//	Admin_{s,t}     = α · (Σ_p (Wages + ЄСВ) + Σ_i Other)_{s,t}  КЕКВ Params.AdminKEKV
//	Recurrent_{s,t} = staff + other + admin
//	Startup_{j,t}   = C_j · I_t   when year_t − Year_j is 0, Life_j, 2·Life_j, …
//
// A service runs in a year when it has clients or staff that year.
//
// Funding, for every line of service s ([Schedule.Shares]):
//
//	Donor = d_{s,t} · Amount,  State = s_{s,t} · Amount,  Local = Amount − Donor − State
//
// The [Cliff] is the first year c with no donor money after a year with
// some; its jump L_c − L_{c−1} splits into the donor exit
// Σ_s (l_{s,c} − l_{s,c−1}) · T_{s,c−1} (what the local budget takes over
// from the donor, [ServiceCost].TakenOver) and indexation, the rest. The
// cumulative local commitment is Σ_t L_t ([Horizon].Local).
//
// Affordability, each year ([YearTotal]):
//
//	R_t = R_b · (1 + g)^(year_t − b)    revenue of base year b grown at g (social spending alike)
//	L_t / R_t,   L_t / Social_t,   L_t / population
//
// and a year is flagged when L_t / R_t is above the threshold. Unit costs
// ([UnitCost]) spread start-up items over their life with [EAC] and give
// the cost per client in nominal and in first-year prices. The discounted
// totals use [Present].
//
// # Choices
//
// METHODS.md §3 leaves these open; they are hromada's:
//
//   - The index base is the first planning year: amounts, salaries and
//     caps are in its prices, and the CPI or wage rate given for that year
//     does not enter the indexes. Constant prices are first-year prices.
//   - The minimum wage floors the salary month by month; extra months are
//     paid at the year's average floored salary. The floor is on the
//     salary (посадовий оклад), not on total pay with allowances; the ЄСВ
//     base limits (minimum and maximum) are not modelled.
//   - A fixed cost is paid only in a year the service runs (clients or
//     staff); a service with no clients and no staff costs nothing that
//     year but its start-up items.
//   - Start-up items are indexed by CPI in the year bought, first
//     purchase included, since their amount is in first-year prices. An
//     item bought before the horizon is re-bought inside it at the end of
//     its life; an item first bought after the horizon puts nothing in it.
//   - Admin is one line per service on the recurrent direct cost (not on
//     start-up items), under КЕКВ 2240 unless Params.AdminKEKV says
//     otherwise.
//   - A donor cap is shared over the lines the schedule covers in
//     proportion to their cost, after the state's share.
//   - Social-protection spending grows at the revenue's rate. The
//     population is held constant.
//   - Cost per client is NaN in a year with no clients.
//   - Scenarios and the tornado scale staff with clients and caseload
//     in proportion, without the plan's rounding ([Scenario.Apply]).
//   - Cost rows and funding schedules of a service not in the plan are
//     left out and named in [Result].Skipped, so a planner can drop a
//     service from the plan without editing the cost inputs.
//
// All functions are safe for concurrent use; no input is changed.
package budget
