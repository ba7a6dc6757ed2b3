package plan

import "sort"

// Add returns the summary of two plans together, for the consolidated view
// of several communities ("22 new services, 96 enhanced"): counts and
// hires add up, and staff totals add up year by year (a year only one
// plan covers is taken as it is).
func (s Summary) Add(t Summary) Summary {
	out := Summary{
		Services:   s.Services + t.Services,
		Create:     s.Create + t.Create,
		Enhance:    s.Enhance + t.Enhance,
		Sufficient: s.Sufficient + t.Sufficient,
		MoreData:   s.MoreData + t.MoreData,
		HireFTE:    s.HireFTE + t.HireFTE,
	}
	at := map[int]int{}
	for _, y := range append(append([]YearTotal(nil), s.Years...), t.Years...) {
		i, ok := at[y.Year]
		if !ok {
			at[y.Year] = len(out.Years)
			out.Years = append(out.Years, y)
			continue
		}
		out.Years[i].FTE += y.FTE
		out.Years[i].Staff += y.Staff
		out.Years[i].Hires += y.Hires
	}
	sort.Slice(out.Years, func(i, j int) bool { return out.Years[i].Year < out.Years[j].Year })
	return out
}
