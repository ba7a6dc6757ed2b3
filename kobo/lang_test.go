package kobo

import (
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
)

// TestCheckXLSFormInUkrainian: problems of the XLSForm check as a
// Ukrainian project prints them, file, sheet and cell included. The
// expected texts are the Ukrainian formats of xlsform_check.go filled in
// by hand; the forms are validForm broken one way each, as in
// TestCheckXLSFormProblems.
func TestCheckXLSFormInUkrainian(t *testing.T) {
	for _, tc := range []struct {
		name   string
		mutate func(f map[string][][]string)
		uk     string
	}{
		{"undefined list", func(f map[string][][]string) { f["survey"][5][0] = "select_one yesno" },
			`q.xlsx: survey!A6: списку "yesno" немає на аркуші choices; додайте рядки з list_name yesno на аркуш choices або виправте назву списку`},
		{"duplicate name", func(f map[string][][]string) { f["survey"][5][1] = "n_children" },
			`q.xlsx: survey!B6: назву "n_children" використано вдруге (уперше в B4); кожне запитання і кожна група потребують власної назви: вона стає стовпцем експорту`},
		{"no name column", func(f map[string][][]string) { f["survey"][0][1] = "nom" },
			`q.xlsx: survey, рядок 1: на аркуші survey немає стовпця name; додайте стовпець name: назву кожного запитання, яка стає його стовпцем в експорті`},
		{"end_repeat closes a group", func(f map[string][][]string) { f["survey"][6][0] = "end_repeat" },
			`q.xlsx: survey!A7: end_repeat закриває begin_group "household" (початок у A3); закривайте групи рядком end_group, а повтори — рядком end_repeat, спершу найглибші`},
		{"language without code", func(f map[string][][]string) { f["survey"][0][2] = "label::English" },
			`q.xlsx: survey!C1: у мови "English" немає коду мови; пишіть її як Назва (код), напр. label::Українська (uk)`},
		{"no survey sheet", func(f map[string][][]string) { f["Survey1"] = f["survey"]; delete(f, "survey") },
			`q.xlsx: у книзі немає аркуша survey; XLSForm потребує аркуша survey із запитаннями та аркуша choices з варіантами відповідей`},
	} {
		f := validForm()
		tc.mutate(f)
		ps := CheckXLSForm("q.xlsx", f)
		xlsxtest.BilingualProblems(t, ps)
		found := false
		for _, p := range ps {
			found = found || p.In(hromada.Ukrainian) == tc.uk
		}
		if !found {
			t.Errorf("%s: problems in Ukrainian\n%s\nwant one\n%s", tc.name, ps.In(hromada.Ukrainian), tc.uk)
		}
	}
}

// TestOrphansInUkrainian: rows of a repeat sheet that match no household,
// in Ukrainian: the export of TestRepeatOrphans, whose key cccc-3 has 2
// rows (2 takes «рядки»), and that of TestRepeatOrphansCapped, whose 5
// keys past the 20 warned about have 6 rows (5 and 6 take «значень»,
// «рядків»).
func TestOrphansInUkrainian(t *testing.T) {
	path := xlsxtest.Write(t, "export.xlsx",
		xlsxtest.Sheet{Name: "main", Cells: xlsxtest.Cells(
			xlsxtest.Row(1, "hh_size", "_uuid"),
			xlsxtest.Row(2, 3, "AAAA-1"),
		)},
		xlsxtest.Sheet{Name: "roster", Cells: xlsxtest.Cells(
			xlsxtest.Row(1, "age", "_submission__uuid"),
			xlsxtest.Row(2, 7, "aaaa-1"),
			xlsxtest.Row(3, 12, "cccc-3"),
			xlsxtest.Row(4, 13, "cccc-3"),
			xlsxtest.Row(5, 50, ""),
		)},
	)
	main, roster := openRoster(t, path)
	ch, err := Collect(roster, func(n int) int { return n + 1 })
	if err != nil {
		t.Fatal(err)
	}
	for main.Next() {
		ch.Get(main)
	}
	ps := ch.Orphans()
	want := []string{
		`_submission__uuid "cccc-3" не відповідає жодному домогосподарству (аркуш «main», стовпець _uuid); усі його 2 рядки пропущено`,
		`_submission__uuid порожній, тож рядок не належить жодному домогосподарству; його рядок пропущено`,
	}
	if len(ps) != len(want) {
		t.Fatalf("Orphans() = %v, want %d", ps, len(want))
	}
	for i, w := range want {
		if ps[i].Msg.UK != w {
			t.Errorf("Orphans()[%d]:\n got %s\nwant %s", i, ps[i].Msg.UK, w)
		}
	}

	rows := []map[string]any{xlsxtest.Row(1, "age", "_parent_index")}
	for i := range 25 {
		rows = append(rows, xlsxtest.Row(i+2, 7, 100+i))
	}
	rows = append(rows, xlsxtest.Row(27, 8, 124))
	capped := xlsxtest.Write(t, "capped.xlsx",
		xlsxtest.Sheet{Name: "main", Cells: xlsxtest.Cells(xlsxtest.Row(1, "hh_size", "_index"), xlsxtest.Row(2, 3, 1))},
		xlsxtest.Sheet{Name: "roster", Cells: xlsxtest.Cells(rows...)})
	main, roster = openRoster(t, capped)
	ch, err = Collect(roster, func(n int) int { return n + 1 })
	if err != nil {
		t.Fatal(err)
	}
	for main.Next() {
		ch.Get(main)
	}
	ps = ch.Orphans()
	last := ps[len(ps)-1].Msg.UK
	if w := `ще 5 значень стовпця _parent_index, звідси й далі, не відповідають жодному домогосподарству (аркуш «main», стовпець _index); пропущено 6 рядків`; last != w {
		t.Errorf("last warning:\n got %s\nwant %s", last, w)
	}
}

// TestValueAndColumnErrorsInUkrainian: a select_multiple option column
// holding something else than 0 or 1, and a column not found, in
// Ukrainian.
func TestValueAndColumnErrorsInUkrainian(t *testing.T) {
	_, err := parseDummy("2")
	if got, want := hromada.Message(err, hromada.Ukrainian),
		`"2" — не 0 і не 1; стовпець варіанта запитання select_multiple містить 1 (вибрано), 0 (не вибрано) або нічого (не запитували)`; got != want {
		t.Errorf("parseDummy(2):\n got %s\nwant %s", got, want)
	}
	c := NewColumns([]string{"hh_size", "idp"})
	_, err = c.Lookup("hh_sise")
	xlsxtest.Bilingual(t, err)
	if got, want := hromada.Message(err, hromada.Ukrainian),
		`немає стовпця "hh_sise"; схожі стовпці: "hh_size" (A); перевірте назви стовпців у рядку заголовків або назвіть інший стовпець (у налаштуваннях проєкту чи параметром команди)`; got != want {
		t.Errorf("Lookup(hh_sise):\n got %s\nwant %s", got, want)
	}
}
