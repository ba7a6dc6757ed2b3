package kobo

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/xlsx"
	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
)

func TestColumnsLookup(t *testing.T) {
	header := []string{
		"\uFEFFstart",                       // A: BOM on the first header
		"X.U.FEFF.end",                      // B: R read a BOM
		"consented/demographics/hh_size",    // C: group path
		"X_uuid",                            // D: R's X before _
		"X_index",                           // E
		"needs",                             // F: select_multiple parent
		"needs/food",                        // G: its options
		"needs.shelter",                     // H: R's dots
		"HH Head Age ",                      // I: case and spaces
		"grp1/q",                            // J
		"grp2/q",                            // K
		"Weight",                            // L
		"weight",                            // M
		"consented.demographics.idp_status", // N: R-mangled group path
	}
	c := NewColumns(header)
	found := map[string]int{
		"start": 0, "end": 1, "hh_size": 2, "demographics/hh_size": 2, "consented/demographics/hh_size": 2,
		"_uuid": 3, "_index": 4, "X_index": 4, "needs": 5, "needs/food": 6, "needs.food": 6, "needs/shelter": 7,
		"hh head age": 8, "grp1/q": 9, "grp2.q": 10, "Weight": 11, "weight": 12, "WEIGHT": -1,
		"idp_status": 13, "demographics/idp_status": 13,
	}
	for name, want := range found {
		got, err := c.Lookup(name)
		if want < 0 {
			if !errors.Is(err, ErrAmbiguous) {
				t.Errorf("Lookup(%q) = %d, %v; want ErrAmbiguous", name, got, err)
			}
			continue
		}
		if err != nil || got != want {
			t.Errorf("Lookup(%q) = %d, %v; want %d", name, got, err, want)
		}
	}
	_, err := c.Lookup("q")
	if !errors.Is(err, ErrAmbiguous) || !strings.Contains(err.Error(), `J "grp1/q", K "grp2/q"`) {
		t.Errorf("Lookup(q) = %v, want ambiguity naming J and K", err)
	}
	for _, name := range []string{"food", "shelter", "", "hh_siz"} {
		if col, ok := c.Find(name); ok {
			t.Errorf("Find(%q) = %d, want none (option columns are not questions)", name, col)
		}
	}
	_, err = c.Lookup("hh_siz")
	if !errors.Is(err, ErrNoColumn) || !strings.Contains(err.Error(), `similar columns: "consented/demographics/hh_size" (C)`) {
		t.Errorf("Lookup(hh_siz) = %v, want a suggestion of C", err)
	}
}

// TestNoColumnNearQuestion: a mistyped question name is compared with each
// question's own name, without its group path: "neds" is one letter from
// "needs", the question of "service_needs/needs" (column B); "idp" is
// more than two letters from every name, so nothing is suggested.
func TestNoColumnNearQuestion(t *testing.T) {
	c := NewColumns([]string{"household/hh_size", "service_needs/needs", "service_needs/needs/day_care"})
	_, err := c.Lookup("neds")
	if !errors.Is(err, ErrNoColumn) || !strings.Contains(err.Error(), `similar columns: "service_needs/needs" (B)`) {
		t.Errorf("Lookup(neds) = %v, want a suggestion of B", err)
	}
	_, err = c.Lookup("idp")
	if !errors.Is(err, ErrNoColumn) || strings.Contains(err.Error(), "similar columns") {
		t.Errorf("Lookup(idp) = %v, want no suggestion", err)
	}
}

func TestSelectMultiple(t *testing.T) {
	path := filepath.Join("testdata", "kobo_semicolon.csv")
	_, tb := openTable(t, path)
	m, ok := tb.SelectMultiple("needs")
	if !ok || m.Parent != 4 || !reflect.DeepEqual(m.Options, map[string]int{"food": 5, "shelter": 6, "dnk": 7}) {
		t.Fatalf("SelectMultiple(needs) = %+v, %v", m, ok)
	}
	if _, ok := tb.SelectMultiple("water"); ok {
		t.Error("SelectMultiple(water) found columns")
	}
	// Rows: "food dnk" 1 0 1; "shelter" 0 1 0; blank (not asked). The
	// first row ticked a real option with dnk: it counts with it, so
	// shelter is not selected, not missing (METHODS.md §1.6).
	want := [][3]Answer{
		{Selected, NotSelected, Selected},
		{NotSelected, Selected, NotSelected},
		{NotAsked, NotAsked, NotAsked},
	}
	onlyParent := Multi{Name: "needs", Parent: m.Parent}
	i := 0
	for tb.Next() {
		for j, code := range []string{"food", "shelter", "dnk"} {
			got, err := tb.Selected(m, code)
			if err != nil || got != want[i][j] {
				t.Errorf("row %d: Selected(%s) = %v, %v; want %v", tb.Line(), code, got, err, want[i][j])
			}
			got, err = tb.Selected(onlyParent, code)
			if err != nil || got != want[i][j] {
				t.Errorf("row %d: Selected(%s) from codes = %v, %v; want %v", tb.Line(), code, got, err, want[i][j])
			}
		}
		i++
	}
}

func TestSelectedErrors(t *testing.T) {
	path := xlsxtest.Write(t, "sm.xlsx", xlsxtest.Sheet{Name: "main", Cells: xlsxtest.Cells(
		xlsxtest.Row(1, "q/a", "q/b"),
		xlsxtest.Row(2, 2, "#N/A"),
	)})
	_, tb := openTable(t, path)
	m, ok := tb.SelectMultiple("q")
	if !ok || m.Parent != -1 || len(m.Options) != 2 {
		t.Fatalf("SelectMultiple(q) = %+v, %v", m, ok)
	}
	tb.Next()
	_, err := tb.Selected(m, "a")
	if ie := wantCause(t, err, ErrNotChoice); ie.Cell != "A2" {
		t.Errorf("Selected(a) error at %q, want A2", ie.Cell)
	}
	_, err = tb.Selected(m, "b")
	wantCause(t, err, xlsx.ErrErrorValue)
	_, err = tb.Selected(m, "c")
	wantCause(t, err, ErrNoColumn)
}

// TestKoboDummyExport reads the REACH MSNA dummy export as assess will: a
// select_multiple question by its option columns, and a repeat sheet joined
// to its households. Expected counts come from a separate reading of the
// file's XML with Python's zipfile and ElementTree.
func TestKoboDummyExport(t *testing.T) {
	path := filepath.Join(xlsxtest.SharedData(t), "kobo", "dummy_raw_data.xlsx")
	f, err := Open(path, xlsx.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.Sheets(); !reflect.DeepEqual(got, []string{"main", "roster", "edu_ind", "health_ind", "nut_ind"}) {
		t.Errorf("Sheets() = %q", got)
	}
	main, err := OpenTable(f, "main")
	if err != nil {
		t.Fatal(err)
	}
	defer main.Close()
	if n := len(main.Header()); n != 367 {
		t.Errorf("main has %d columns, want 367", n)
	}
	m, ok := main.SelectMultiple("aap_priority_challenge")
	if !ok || m.Parent < 0 || len(m.Options) != 21 {
		t.Fatalf("SelectMultiple(aap_priority_challenge) = %d options, parent %d", len(m.Options), m.Parent)
	}
	weight, err1 := main.Lookup("weight")
	start, err2 := main.Lookup("start")
	if err := errors.Join(err1, err2); err != nil {
		t.Fatal(err)
	}

	roster, err := OpenRepeat(f, "roster", main)
	if err != nil {
		t.Fatal(err)
	}
	defer roster.Close()
	if roster.Key != ByIndex || main.Header()[roster.MainKeyColumn()] != "index" {
		t.Errorf("roster joins by %v to main column %q, want _parent_index → index", roster.Key, main.Header()[roster.MainKeyColumn()])
	}
	vision, err := roster.Lookup("wgq_vision")
	if err != nil {
		t.Fatal(err)
	}
	cannotSee, err := Collect(roster, func(found bool) bool {
		return found || roster.Row()[vision] == "cannot_do"
	})
	if err != nil {
		t.Fatal(err)
	}

	answers := map[Answer]int{}
	households, withRoster, withBlind, sumW := 0, 0, 0, 0.0
	for main.Next() {
		households++
		a, err := main.Selected(m, "food")
		if err != nil {
			t.Fatal(err)
		}
		answers[a]++
		w, ok, err := main.Number(weight)
		if err != nil || !ok {
			t.Fatalf("weight: %v", err)
		}
		sumW += w
		if _, _, err := main.Date(start); err != nil {
			t.Fatal(err)
		}
		blind, ok := cannotSee.Get(main)
		if ok {
			withRoster++
		}
		if blind {
			withBlind++
		}
	}
	if err := main.Err(); err != nil {
		t.Fatal(err)
	}
	if households != 241 || withRoster != 241 || withBlind != 120 {
		t.Errorf("%d households, %d with a roster, %d with a member who cannot see; want 241, 241, 120", households, withRoster, withBlind)
	}
	// Counted from the codes column alone: 84 rows tick food; 157 do not,
	// 92 of them with dnk or pnta besides real options, which makes them
	// answers (one denominator per question, METHODS.md §1.6); no row
	// ticks only dnk or pnta.
	if want := map[Answer]int{Selected: 84, NotSelected: 157}; !reflect.DeepEqual(answers, want) {
		t.Errorf("food as a priority challenge: %v, want %v", answers, want)
	}
	if d := sumW - 234.25221673599825; d > 1e-9 || d < -1e-9 {
		t.Errorf("sum of weights %v, want 234.25221673599825", sumW)
	}
	if ps := cannotSee.Orphans(); len(ps) != 0 {
		t.Errorf("Orphans() = %v, want none", ps)
	}
}

func TestRepeatOrphans(t *testing.T) {
	path := xlsxtest.Write(t, "export.xlsx",
		xlsxtest.Sheet{Name: "main", Cells: xlsxtest.Cells(
			xlsxtest.Row(1, "hh_size", "_uuid", "_index"),
			xlsxtest.Row(2, 3, "AAAA-1", 1),
			xlsxtest.Row(3, 1, "bbbb-2", 2),
		)},
		xlsxtest.Sheet{Name: "roster", Cells: xlsxtest.Cells(
			xlsxtest.Row(1, "age", "_submission__uuid", "_parent_index"),
			xlsxtest.Row(2, 7, "aaaa-1", 1),
			xlsxtest.Row(3, 40, "uuid:AAAA-1", 1),
			xlsxtest.Row(4, 12, "cccc-3", 3),
			xlsxtest.Row(5, 13, "cccc-3", 3),
			xlsxtest.Row(6, 50, "", ""),
		)},
	)
	main, roster := openRoster(t, path)
	if roster.Key != ByUUID {
		t.Errorf("Key = %v, want ByUUID when both sheets have uuids", roster.Key)
	}
	age, _ := roster.Find("age")
	children, err := Collect(roster, func(n int) int {
		if a, ok, _ := roster.Number(age); ok && a < 18 {
			n++
		}
		return n
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for main.Next() {
		n, _ := children.Get(main)
		got = append(got, n)
	}
	if !reflect.DeepEqual(got, []int{1, 0}) {
		t.Errorf("children per household %v, want [1 0]", got)
	}
	ps := children.Orphans()
	xlsxtest.BilingualProblems(t, ps)
	if len(ps) != 2 {
		t.Fatalf("Orphans() = %v, want 2", ps)
	}
	if ps[0].Cell != "B4" || !strings.Contains(ps[0].Msg.EN, `"cccc-3" matches no household in sheet "main" column _uuid; its 2 rows are left out`) ||
		ps[0].Severity != hromada.Warning || ps[0].Sheet != "roster" {
		t.Errorf("Orphans()[0] = %v", ps[0])
	}
	if ps[1].Cell != "B6" || !strings.Contains(ps[1].Msg.EN, "blank") {
		t.Errorf("Orphans()[1] = %v", ps[1])
	}

	noKey := xlsxtest.Write(t, "nokey.xlsx", xlsxtest.Sheet{Name: "main", Cells: xlsxtest.Row(1, "a")}, xlsxtest.Sheet{Name: "roster", Cells: xlsxtest.Row(1, "b")})
	g, err := Open(noKey, xlsx.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	m2, err := OpenTable(g, "main")
	if err != nil {
		t.Fatal(err)
	}
	_, err = OpenRepeat(g, "roster", m2)
	wantCause(t, err, ErrNoColumn)
}

// TestJoinRepeatCSV joins two CSV files, as a Kobo CSV export gives a
// repeat group: a file of its own.
func TestJoinRepeatCSV(t *testing.T) {
	_, main := openTable(t, filepath.Join("testdata", "kobo_semicolon.csv"))
	_, roster := openTable(t, xlsxtest.WriteFile(t, "roster.csv", []byte("age;_parent_index\n7;1\n8;1\n30;3\n41;9\n")))
	r, err := JoinRepeat(roster, main)
	if err != nil {
		t.Fatal(err)
	}
	if r.Key != ByIndex {
		t.Errorf("Key = %v, want ByIndex (the roster has no _submission__uuid)", r.Key)
	}
	members, err := Collect(r, func(n int) int { return n + 1 })
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for main.Next() {
		n, _ := members.Get(main)
		got = append(got, n)
	}
	if !reflect.DeepEqual(got, []int{2, 0, 1}) {
		t.Errorf("members per household %v, want [2 0 1]", got)
	}
	ps := members.Orphans()
	if len(ps) != 1 || ps[0].Cell != "B5" || !strings.Contains(ps[0].Msg.EN, `_parent_index "9" matches no household in kobo_semicolon.csv column _index`) {
		t.Errorf("Orphans() = %v", ps)
	}
}
func TestIsMissing(t *testing.T) {
	for _, s := range []string{"", "  ", "NA", "n/a", "dnk", "DNK", "pnta", "dont_know", "prefer_not_to_answer", "do_not_know", "Не знаю"} {
		if !IsMissing(s) {
			t.Errorf("IsMissing(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"no", "0", "ні", "none", "#N/A", "nan"} {
		if IsMissing(s) {
			t.Errorf("IsMissing(%q) = true, want false", s)
		}
	}
}

// TestTableMissingValues checks that Open reads don't-know codes and NA as
// missing answers, not bad numbers or yes/no.
func TestTableMissingValues(t *testing.T) {
	path := xlsxtest.Write(t, "m.xlsx", xlsxtest.Sheet{Name: "main", Cells: xlsxtest.Cells(
		xlsxtest.Row(1, "n", "yn", "d"),
		xlsxtest.Row(2, "dnk", "pnta", "NA"),
		xlsxtest.Row(3, nil, nil, "x"), // blank
	)})
	_, tb := openTable(t, path)
	for tb.Next() {
		if _, ok, err := tb.Number(0); ok || err != nil {
			t.Errorf("row %d: Number ok=%v err=%v, want missing", tb.Line(), ok, err)
		}
		if _, ok, err := tb.YesNo(1); ok || err != nil {
			t.Errorf("row %d: YesNo ok=%v err=%v, want missing", tb.Line(), ok, err)
		}
	}
}

// TestIsHXL checks the HXL row rule (hxlstandard.org: a row of hashtags
// below the header), and that Open skips such a row.
func TestIsHXL(t *testing.T) {
	for _, tc := range []struct {
		row  []string
		want bool
	}{
		{[]string{"#adm1", "#affected", ""}, true},
		{[]string{" #status ", ""}, true},
		{[]string{"#adm1", "Kyiv"}, false},
		{[]string{"#N/A", "#adm1"}, false}, // an error value, not a tag
		{[]string{"", ""}, false},
		{nil, false},
	} {
		if got := IsHXL(tc.row); got != tc.want {
			t.Errorf("IsHXL(%q) = %v, want %v", tc.row, got, tc.want)
		}
	}
	path := xlsxtest.Write(t, "hxl.xlsx", xlsxtest.Sheet{Name: "main", Cells: xlsxtest.Cells(
		xlsxtest.Row(1, "hh_size", "idp"),
		xlsxtest.Row(2, "#affected", "#status"),
		xlsxtest.Row(3, 4, "yes"),
	)})
	_, tb := openTable(t, path)
	if !tb.Next() || tb.Line() != 3 || tb.Row()[0] != "4" {
		t.Errorf("first row on line %d = %q, want line 3 (HXL row 2 skipped)", tb.Line(), tb.Row())
	}
}

// TestSelectedDontKnow: one denominator per question (METHODS.md §1.6) —
// dnk or pnta alone makes every other option missing; with real options
// ticked as well the row counts with them; with KeepMissing (REACH,
// §1.6b) don't-know is an answer like any other. Expected answers are
// read off the rows by hand.
func TestSelectedDontKnow(t *testing.T) {
	path := xlsxtest.Write(t, "dk.xlsx", xlsxtest.Sheet{Name: "main", Cells: xlsxtest.Cells(
		xlsxtest.Row(1, "needs", "needs/food", "needs/shelter", "needs/dnk", "needs/none", "only_codes"),
		xlsxtest.Row(2, "dnk", 0, 0, 1, 0, "dnk"),
		xlsxtest.Row(3, "food dnk", 1, 0, 1, 0, "food dnk"),
		xlsxtest.Row(4, "none", 0, 0, 0, 1, "none"),
		xlsxtest.Row(5, "pnta", 0, 0, 0, 0, "pnta"),
	)})
	_, tb := openTable(t, path)
	m, ok := tb.SelectMultiple("needs")
	if !ok {
		t.Fatal("no needs")
	}
	codes, ok := tb.SelectMultiple("only_codes")
	if !ok {
		t.Fatal("no only_codes")
	}
	keep, keepCodes := m, codes
	keep.KeepMissing, keepCodes.KeepMissing = true, true
	type want struct {
		food, dnk         Answer // hromada's convention
		keepFood, keepDnk Answer // REACH's
		answers, missing  bool   // Ticked
	}
	wants := []want{
		{Missing, Selected, NotSelected, Selected, false, true},
		{Selected, Selected, Selected, Selected, true, true},
		{NotSelected, NotSelected, NotSelected, NotSelected, true, false},
		// pnta has no option column, but the codes column says it.
		{Missing, Missing, NotSelected, NotSelected, false, true},
	}
	row := 0
	for tb.Next() {
		w := wants[row]
		row++
		for _, mm := range []Multi{m, codes} {
			f, err1 := tb.Selected(mm, "food")
			d, err2 := tb.Selected(mm, "dnk")
			if err := errors.Join(err1, err2); err != nil {
				t.Fatal(err)
			}
			if f != w.food || d != w.dnk {
				t.Errorf("row %d (%s): food %v, dnk %v; want %v, %v", row+1, mm.Name, f, d, w.food, w.dnk)
			}
			a, miss := tb.Ticked(mm)
			if a != w.answers || miss != w.missing {
				t.Errorf("row %d (%s): Ticked = %v, %v; want %v, %v", row+1, mm.Name, a, miss, w.answers, w.missing)
			}
		}
		for _, mm := range []Multi{keep, keepCodes} {
			f, _ := tb.Selected(mm, "food")
			d, _ := tb.Selected(mm, "dnk")
			if f != w.keepFood || d != w.keepDnk {
				t.Errorf("row %d (%s, keep): food %v, dnk %v; want %v, %v", row+1, mm.Name, f, d, w.keepFood, w.keepDnk)
			}
		}
	}
}

// TestRepeatOrphansCapped: past MaxOrphanWarnings keys that match no
// household, one warning counts the rest, with their rows: 25 orphan
// keys give 20 warnings and one for 5 keys (the last with 2 rows: 6 rows).
func TestRepeatOrphansCapped(t *testing.T) {
	roster := []map[string]any{xlsxtest.Row(1, "age", "_parent_index")}
	for i := range 25 {
		roster = append(roster, xlsxtest.Row(i+2, 7, 100+i))
	}
	roster = append(roster, xlsxtest.Row(27, 8, 124)) // a second row of key 124
	path := xlsxtest.Write(t, "export.xlsx",
		xlsxtest.Sheet{Name: "main", Cells: xlsxtest.Cells(xlsxtest.Row(1, "hh_size", "_index"), xlsxtest.Row(2, 3, 1))},
		xlsxtest.Sheet{Name: "roster", Cells: xlsxtest.Cells(roster...)})
	main, rep := openRoster(t, path)
	children, err := Collect(rep, func(n int) int { return n + 1 })
	if err != nil {
		t.Fatal(err)
	}
	for main.Next() {
		children.Get(main)
	}
	ps := children.Orphans()
	xlsxtest.BilingualProblems(t, ps)
	if len(ps) != MaxOrphanWarnings+1 {
		t.Fatalf("%d warnings, want %d", len(ps), MaxOrphanWarnings+1)
	}
	last := ps[len(ps)-1]
	if !strings.Contains(last.Msg.EN, "5 more values") || !strings.Contains(last.Msg.EN, "their 6 rows are left out") || last.Cell != "B22" {
		t.Errorf("last warning %v, want 5 more values, 6 rows, at B22", last)
	}
}

// openRoster opens the export at path, its sheet "main" and its repeat
// sheet "roster" joined to it; all are closed when the test ends.
func openRoster(t *testing.T, path string) (*Table, *Repeat) {
	t.Helper()
	f, err := Open(path, xlsx.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	main, err := OpenTable(f, "main")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { main.Close() })
	rep, err := OpenRepeat(f, "roster", main)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rep.Close() })
	return main, rep
}
