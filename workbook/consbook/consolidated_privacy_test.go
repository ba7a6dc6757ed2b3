package consbook

import (
	"math"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/consolidate"
	"github.com/hromada-tool/hromada/workbook"
)

// TestConsolidatedComplement: in testConsolidated, Olevska's IDP estimate
// is the only suppressed one of the IDP total, so the total minus the
// published Andrushivska (610 · 0.55 = 335.5) and Korostenska
// (1,800 · 0.5 = 900) would give it back. Andrushivska's, the smaller, is
// hidden as a complement: "–" on the Communities sheet, "–" without bounds
// or rate on the Needs sheet, whose Suppressed column names the reason.
// The total still counts all three: 335.5 + 152.5 + 900 = 1,388.
func TestConsolidatedComplement(t *testing.T) {
	c := testConsolidated(hromada.English)
	f, col := openCommunities(t, writeTestConsolidated(t, "en", c))
	sh := "Communities"
	k := col("IDP families with children")
	for _, name := range []string{"Andrushivska", "Olevska"} {
		if got := cellValue(t, f, sh, workbook.A1Name(k, findRow(t, f, sh, name))); got != "–" {
			t.Errorf("%s: IDP families %q, want –", name, got)
		}
	}
	if got := cellValue(t, f, sh, workbook.A1Name(k, findRow(t, f, sh, "Korostenska"))); got != "900" {
		t.Errorf("Korostenska: IDP families %q, want 900", got)
	}
	if got := cellValue(t, f, sh, workbook.A1Name(k, findRow(t, f, sh, "Total of the"))); got != "1388" {
		t.Errorf("IDP total %q, want 1388", got)
	}
	const needs = "Needs"
	rows, err := f.GetRows(needs)
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, r := range rows {
		if len(r) < 5 || r[0] != "IDP families with children" {
			continue
		}
		switch r[1] {
		case "Andrushivska":
			seen++
			if r[4] != "–" || len(r) != 9 || r[5] != "" || r[6] != "" || r[7] != "" || r[8] != "suppressed: protects a small cell" {
				t.Errorf("Needs, Andrushivska's IDP row %q; want –, no bounds or rate, suppressed: protects a small cell", r)
			}
		case "Olevska":
			seen++
			if r[4] != "–" || r[len(r)-1] != "yes" {
				t.Errorf("Needs, Olevska's IDP row %q; want –, yes", r)
			}
		}
	}
	if seen != 2 {
		t.Errorf("Needs: %d IDP rows of Andrushivska and Olevska, want 2", seen)
	}
}

// TestConsolidatedHiddenTotal: Andrushivska's estimate of families of any
// target group is suppressed and the other communities have none, so the
// total is that estimate: consolidate.Sum hides it, and every place that
// shows it — the Communities totals row and its bounds, the Needs totals,
// the Summary's key figure and sentences — shows "–" or says so, and never
// the figure 2950 · 0.51 = 1,504.5.
func TestConsolidatedHiddenTotal(t *testing.T) {
	c := testConsolidated(hromada.English)
	nan := math.NaN()
	for k := range c.Rows {
		r := &c.Rows[k]
		if r.Status != consolidate.OK {
			continue
		}
		any := &r.Needs[len(r.Needs)-1]
		if r.Community.Name.EN == "Andrushivska" {
			any.Suppressed = true
		} else {
			*any = consolidate.Need{Group: any.Group, Rate: nan, Families: nan, Low: nan, Upp: nan, SE: nan}
		}
	}
	c.Rows = consolidate.Protect(c.Rows)
	c.Totals = consolidate.Sum(c.Rows, c.Level)
	f, col := openCommunities(t, writeTestConsolidated(t, "en", c))
	sh := "Communities"
	k := col("Any target group (unduplicated)")
	total := findRow(t, f, sh, "Total of the")
	for i, want := range []string{"–", "", ""} {
		if got := cellValue(t, f, sh, workbook.A1Name(k, total+i)); got != want {
			t.Errorf("Communities, totals row +%d: %q, want %q", i, got, want)
		}
	}
	rows, err := f.GetRows("Needs")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		if len(r) > 2 && strings.HasPrefix(r[0], "Any target group") && r[1] == "families" {
			found = true
			if r[2] != "–" || len(r) < 8 || r[3] != "" || r[4] != "" || r[5] != "" || r[6] != "1" || r[7] != "2" {
				t.Errorf("Needs totals, any group: %q; want –, no bounds or SE, 1 with and 2 without an estimate", r)
			}
		}
	}
	if !found {
		t.Error("Needs: no totals row of any target group")
	}
	sum, err := f.GetRows("Summary")
	if err != nil {
		t.Fatal(err)
	}
	said, keyed := false, false
	for _, r := range sum {
		line := strings.Join(r, "|")
		if strings.Contains(line, "1504") || strings.Contains(line, "1,504") || strings.Contains(line, "1 504") {
			t.Errorf("Summary gives the hidden total back: %q", line)
		}
		said = said || strings.Contains(line, "The total of families in need is suppressed")
		if len(r) > 1 && strings.HasPrefix(r[0], "Families in need of at least one service") {
			keyed = true
			if r[1] != "–" || len(r) > 2 && strings.Join(r[2:], "") != "" {
				t.Errorf("Summary key figure %q; want – without bounds", r)
			}
		}
	}
	if !said || !keyed {
		t.Errorf("Summary: sentence %v, key figure %v; want both", said, keyed)
	}
}
