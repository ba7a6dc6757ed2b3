// Package synth makes large synthetic household surveys in the layout of
// the example project's Kobo exports, for measuring hromada beyond the
// example's size. The figures are synthetic.
package synth

import (
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook"
)

// Header is the survey's 40 columns.
func Header() []string {
	h := []string{"start", "end", "today", "hromada", "stratum", "settlement", "consent", "enum_id",
		"resp_gender", "resp_age", "hh_size", "n_children", "has_children", "idp", "low_income",
		"child_disability", "large_family", "difficult_circumstances", "needs"}
	for _, o := range project.NeedOptions {
		h = append(h, "needs/"+o.Key)
	}
	return append(h, "comment", "weight", "_id", "_uuid", "_submission_time", "_index")
}

// generator makes household rows.
type generator struct {
	r        *rand.Rand
	n, i     int
	clusters int
	effect   []float64
}

func newGenerator(n int, seed uint64) *generator {
	g := &generator{r: rand.New(rand.NewPCG(seed, 1)), n: n, clusters: max(20, n/250)}
	g.effect = make([]float64, g.clusters)
	for i := range g.effect {
		g.effect[i] = 0.6 + 0.8*g.r.Float64()
	}
	return g
}

func yn(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// next fills row with the next household.
func (g *generator) next(row []any) bool {
	if g.i >= g.n {
		return false
	}
	g.i++
	r := g.r
	c := r.IntN(g.clusters)
	stratum := "urban"
	weight := 35.0
	if c%3 == 0 {
		stratum, weight = "rural", 18.0
	}
	size := 1 + r.IntN(6)
	kids := 0
	if size > 1 {
		kids = r.IntN(size)
	}
	idp := r.Float64() < 0.12
	low := r.Float64() < 0.10 || (idp && r.Float64() < 0.3)
	dis := kids > 0 && r.Float64() < 0.04
	large := kids >= 3
	sjo := r.Float64() < 0.05 || (low && r.Float64() < 0.2)
	day := fmt.Sprintf("2026-0%d-%02d", 3+g.i%3, 1+g.i%28)
	row[0], row[1], row[2] = day+"T09:00:00+0200", day+"T09:25:00+0200", day
	row[3], row[4], row[5] = "UA18020010000059904", stratum, "settlement "+strconv.Itoa(c+1)
	row[6], row[7], row[8], row[9] = "yes", "enum_"+strconv.Itoa(1+c%12), []string{"female", "male"}[r.IntN(2)], 18+r.IntN(70)
	row[10], row[11], row[12] = size, kids, yn(kids > 0)
	row[13], row[14], row[15], row[16], row[17] = yn(idp), yn(low), yn(dis), yn(large), yn(sjo)
	var chosen []string
	for k, o := range project.NeedOptions {
		p := 0.03 * g.effect[c]
		if idp || low || sjo {
			p *= 2.5
		}
		if dis && (o.Key == "early_intervention" || o.Key == "day_care_children" || o.Key == "inclusive_support") {
			p = 0.4
		}
		sel := r.Float64() < p
		if sel {
			chosen = append(chosen, o.Key)
		}
		row[19+k] = b2i(sel)
	}
	if len(chosen) == 0 {
		chosen = []string{"none"}
	}
	row[18] = strings.Join(chosen, " ")
	k := 19 + len(project.NeedOptions)
	row[k], row[k+1], row[k+2] = "", weight, g.i
	row[k+3] = fmt.Sprintf("%08x-0000-4000-8000-%012x", g.i, g.i)
	row[k+4], row[k+5] = day+"T10:00:00", g.i
	return true
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Write writes n synthetic households to path, as XLSX or, for a .csv
// path, as a Kobo CSV export. The same n and seed give the same file.
func Write(path string, n int, seed uint64) error {
	g := newGenerator(n, seed)
	h := Header()
	if strings.EqualFold(filepath.Ext(path), ".csv") {
		return writeCSV(path, h, g)
	}
	return workbook.WriteStream(path, "Household survey", h, g.next)
}

// writeCSV writes the survey as a Kobo CSV export: semicolons, no BOM.
func writeCSV(path string, h []string, g *generator) error {
	return workbook.WriteAtomic(path, func(f *os.File) error {
		w := csv.NewWriter(f)
		w.Comma = ';'
		if err := w.Write(h); err != nil {
			return err
		}
		row := make([]any, len(h))
		rec := make([]string, len(h))
		for g.next(row) {
			for i, v := range row {
				rec[i] = fmt.Sprint(v)
			}
			if err := w.Write(rec); err != nil {
				return err
			}
		}
		w.Flush()
		return w.Error()
	})
}
