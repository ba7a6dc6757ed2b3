package main

import (
	"fmt"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/workbook/assessbook"
)

// summaryRows are the terminal summary of an assessment: per service, the
// need among all households and the unduplicated demand of the groups.
func summaryRows(a *assessbook.Assessment) [][]string {
	union := map[string]assess.Demand{}
	for _, d := range a.Result.Union {
		union[d.Service] = d
	}
	var rows [][]string
	for _, r := range a.Result.Rates {
		if r.Group != assess.AllGroup {
			continue
		}
		name := a.Services[r.Service].Name.In(a.Lang)
		if name == "" {
			name = r.Service
		}
		suppressed := tr(a.Lang, "приховано", "suppressed")
		rate, people := suppressed, ""
		if !(a.Options.Suppress && r.Verdict.Suppress) {
			rate = fmtRate(r, a.Lang)
		}
		if d, ok := union[r.Service]; ok {
			if a.Options.Suppress && d.Rate.Verdict.Suppress {
				people = suppressed
			} else {
				people = fmt.Sprintf("%s (%s–%s) %s", fmtCount(d.People, a.Lang), fmtCount(d.PeopleLow, a.Lang), fmtCount(d.PeopleUpp, a.Lang), d.Unit.Name(a.Lang))
			}
		}
		rows = append(rows, []string{truncate(name, 48), rate, people})
	}
	return rows
}

// fmtRate writes a share with its interval as the language writes
// numbers: «10,5 % (6,2–17,2)», "10.5 % (6.2–17.2)".
func fmtRate(r assess.Rate, lang hromada.Lang) string {
	if r.Stat != r.Stat {
		return "–"
	}
	return hromada.PercentCI(r.Stat, r.StatLow, r.StatUpp, 1).In(lang)
}

// fmtCount writes a whole number as the language does: «11 118 806»,
// "11,118,806".
func fmtCount(x float64, lang hromada.Lang) string { return hromada.Count(x).In(lang) }

// fmtDecimal writes x with the given decimals as the language does:
// «13,00», "13.00".
func fmtDecimal(x float64, decimals int, lang hromada.Lang) string {
	return hromada.Decimal(x, decimals).In(lang)
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
