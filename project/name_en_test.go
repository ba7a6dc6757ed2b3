package project_test

import (
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/project"
)

// TestCostNamesInEnglish: the optional «Назва англійською» / "Name in
// English" column of Posts, Other costs and Start-up is read under the
// header of either language; a blank cell leaves the English name empty,
// and Name().In(English) then falls back to the name as typed. The rows
// are in schema order: the English name is the last column of each sheet.
func TestCostNamesInEnglish(t *testing.T) {
	for _, lang := range []hromada.Lang{hromada.Ukrainian, hromada.English} {
		p, _, _ := writeCodesProject(t, lang, map[string][][]any{
			project.Needs.Key: {{"002.0", "needs", "counselling"}},
			project.Posts.Key: {
				{"002.0", "Психолог", 0.6, 14200, 1, "Psychologist"},
				{"002.0", "Юрисконсульт", 0.4, 14500, 1, ""}, // blank: falls back
			},
			project.OtherCosts.Key: {
				{"002.0", "Зв'язок та інтернет", "fixed", 7200, "2240", "Phone and internet"},
				{"002.0", "Методичні матеріали", "fixed", 6000, "2240"}, // the column left out of the row
			},
			project.Startup.Key: {
				{"002.0", "Меблі", 20000, 2026, 5, "3110", "Furniture"},
				{"002.0", "Ноутбук", 30000, 2026, 4, "3110", " "}, // a space is blank
			},
		})
		if p == nil {
			t.Fatalf("%v: project not loaded", lang)
		}
		type name struct{ typed, en, uk, inEN string }
		var got []name
		for _, po := range p.Posts {
			got = append(got, name{po.Post, po.PostEN, po.Name().In(hromada.Ukrainian), po.Name().In(hromada.English)})
		}
		for _, o := range p.OtherCosts {
			got = append(got, name{o.Item, o.ItemEN, o.Name().In(hromada.Ukrainian), o.Name().In(hromada.English)})
		}
		for _, s := range p.Startup {
			got = append(got, name{s.Item, s.ItemEN, s.Name().In(hromada.Ukrainian), s.Name().In(hromada.English)})
		}
		want := []name{
			{"Психолог", "Psychologist", "Психолог", "Psychologist"},
			{"Юрисконсульт", "", "Юрисконсульт", "Юрисконсульт"},
			{"Зв'язок та інтернет", "Phone and internet", "Зв'язок та інтернет", "Phone and internet"},
			{"Методичні матеріали", "", "Методичні матеріали", "Методичні матеріали"},
			{"Меблі", "Furniture", "Меблі", "Furniture"},
			{"Ноутбук", "", "Ноутбук", "Ноутбук"},
		}
		if len(got) != len(want) {
			t.Fatalf("%v: names %q, want %q", lang, got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%v: name %d %q, want %q", lang, i, got[i], want[i])
			}
		}
	}
}

// TestNameENHeaders: the column's header in either language, or its key,
// names it on each of the three sheets.
func TestNameENHeaders(t *testing.T) {
	for _, sh := range []project.Sheet{project.Posts, project.OtherCosts, project.Startup} {
		var f *project.Field
		for i := range sh.Fields {
			if sh.Fields[i].Key == "name_en" {
				f = &sh.Fields[i]
			}
		}
		if f == nil {
			t.Errorf("%s: no name_en column", sh.Key)
			continue
		}
		if f.Required {
			t.Errorf("%s: name_en is required, want optional", sh.Key)
		}
		for _, h := range []string{"Назва англійською", "Name in English", "name_en", " name in english "} {
			if !f.Matches(h) {
				t.Errorf("%s: header %q does not name name_en", sh.Key, h)
			}
		}
	}
}
