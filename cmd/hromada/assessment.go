package main

import (
	"fmt"
	"strings"

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
		rate, people := "suppressed", ""
		if !(a.Options.Suppress && r.Verdict.Suppress) {
			rate = fmtRate(r)
		}
		if d, ok := union[r.Service]; ok {
			if a.Options.Suppress && d.Rate.Verdict.Suppress {
				people = "suppressed"
			} else {
				people = fmt.Sprintf("%s (%s–%s) %s", fmtInt(d.People), fmtInt(d.PeopleLow), fmtInt(d.PeopleUpp), d.Unit.Name(a.Lang))
			}
		}
		rows = append(rows, []string{truncate(name, 48), rate, people})
	}
	return rows
}

func fmtRate(r assess.Rate) string {
	if r.Stat != r.Stat {
		return "–"
	}
	if r.StatLow != r.StatLow {
		return fmt.Sprintf("%.1f %%", 100*r.Stat)
	}
	return fmt.Sprintf("%.1f %% (%.1f–%.1f)", 100*r.Stat, 100*r.StatLow, 100*r.StatUpp)
}

// fmtInt writes a whole number with thin spaces between thousands.
func fmtInt(x float64) string {
	if x != x {
		return "–"
	}
	s := fmt.Sprintf("%.0f", x)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteRune(' ')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
