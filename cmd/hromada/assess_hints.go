package main

import (
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/xlsx"
	"github.com/hromada-tool/hromada/kobo"
	"github.com/hromada-tool/hromada/project"
)

// suggestWhere adds to the problems of rows with an empty weight, stratum
// or cluster a way to leave them out: when every such row holds the same
// value in some other column (as rows without consent do), --where.
func suggestWhere(m project.SurveyMap, ps hromada.Problems) hromada.Problems {
	var field, name string
	for _, p := range ps {
		for _, f := range []struct{ msg, col string }{{"stratum is empty", m.Stratum}, {"cluster is empty", m.Cluster}, {"weight is empty", m.Weight}} {
			if p.Severity == hromada.Error && strings.Contains(p.Msg.EN, f.msg) && field == "" {
				field, name = f.msg, f.col
			}
		}
	}
	if field == "" {
		return ps
	}
	f, err := kobo.Open(m.File, xlsx.OpenOptions{Password: m.Password})
	if err != nil {
		return ps
	}
	defer f.Close()
	t, err := kobo.OpenTable(f, m.Sheet)
	if err != nil {
		return ps
	}
	defer t.Close()
	col, err := t.Lookup(name)
	if err != nil {
		return ps
	}
	n := len(t.Header())
	shared := make([]string, n) // the value every empty row holds, per column
	mixed := make([]bool, n)    // the empty rows disagree
	others := make([]map[string]int, n)
	empty, full := 0, 0
	for t.Next() {
		row := t.Row()
		if strings.TrimSpace(row[col]) == "" {
			for c := 0; c < n && c < len(row); c++ {
				v := strings.TrimSpace(row[c])
				switch {
				case empty == 0:
					shared[c] = v
				case v != shared[c]:
					mixed[c] = true
				}
			}
			empty++
			continue
		}
		full++
		for c := 0; c < n && c < len(row); c++ {
			if others[c] == nil {
				others[c] = map[string]int{}
			}
			if len(others[c]) < 50 {
				others[c][strings.TrimSpace(row[c])]++
			}
		}
	}
	if empty == 0 {
		return ps
	}
	for c := 0; c < n; c++ {
		if c == col || mixed[c] || shared[c] == "" || others[c][shared[c]] > 0 || strings.HasPrefix(t.Header()[c], "_") {
			continue
		}
		what := strings.TrimSuffix(field, " is empty")
		words := map[string]hromada.Text{"stratum": hromada.T("страта", "stratum"), "cluster": hromada.T("кластер", "cluster"), "weight": hromada.T("вага", "weight")}
		hint := hromada.T("рядки з порожнім полем «%[2]s» (%[1]d) усі мають %[3]s = «%[4]s», чого немає в жодному іншому рядку: виключіть їх через --where %[3]s!=%[4]s",
			"the %d rows with an empty %s all have %s = %q, which no other row has: leave them out with --where %s!=%s",
			empty, words[what], t.Header()[c], shared[c], t.Header()[c], shared[c])
		out := append(hromada.Problems{}, ps...)
		for i, p := range out {
			if strings.Contains(p.Msg.EN, field) {
				out[i].Hint = hint
				break
			}
		}
		return out
	}
	return ps
}
