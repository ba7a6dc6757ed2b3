package inputbook

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/hromada-tool/hromada/kobo"
	"github.com/hromada-tool/hromada/workbook"
)

// WriteXLSForm writes form to path as an XLSForm to upload to KoboToolbox
// (https://xlsform.org): a survey sheet of its groups and questions, a
// choices sheet of its lists and a settings sheet. Each text has a column
// per language of form.Languages ("label::English (en)"; "label" for the
// language ""). Groups begin and end around the questions whose paths
// they hold; choices stand in the order of their rows; the settings
// form_title, form_id, version and default_language come first, the
// others after them by name. The same form gives the same bytes.
func WriteXLSForm(path string, form *kobo.Form) error {
	b := workbook.NewBook()
	b.AddSheet(formSheet("survey", surveyRows(form)))
	b.AddSheet(formSheet("choices", choiceRows(form)))
	b.AddSheet(formSheet("settings", settingRows(form)))
	return b.Save(path)
}

// langColumns are the columns of a text in the form's languages:
// name::<language>, or name for the language "".
func langColumns(form *kobo.Form, name string) []string {
	cols := make([]string, len(form.Languages))
	for i, l := range form.Languages {
		cols[i] = name
		if l != "" {
			cols[i] += "::" + l
		}
	}
	return cols
}

// inLangs returns the texts of labels as one cell per language of the form.
func inLangs(form *kobo.Form, labels []kobo.Label) []string {
	s := make([]string, len(form.Languages))
	for i, l := range form.Languages {
		for _, x := range labels {
			if x.Lang == l {
				s[i] = x.Text
				break
			}
		}
	}
	return s
}

// surveyRows returns the survey sheet, header first: each question in its
// groups, a group's begin row before its first question and its end row
// after its last.
func surveyRows(form *kobo.Form) [][]string {
	header := []string{"type", "name"}
	header = append(header, langColumns(form, "label")...)
	header = append(header, langColumns(form, "hint")...)
	header = append(header, "required", "relevant", "calculation", "constraint")
	header = append(header, langColumns(form, "constraint_message")...)
	rows := [][]string{header}
	row := func(typ, name string, labels, hints []kobo.Label, required, relevant, calc, constraint string, msgs []kobo.Label) {
		r := []string{typ, name}
		r = append(r, inLangs(form, labels)...)
		r = append(r, inLangs(form, hints)...)
		r = append(r, required, relevant, calc, constraint)
		rows = append(rows, append(r, inLangs(form, msgs)...))
	}
	groups := map[string]*kobo.Group{}
	for _, g := range form.Groups {
		groups[g.Path] = g
	}
	end := func(g *kobo.Group) {
		typ := "end_group"
		if g.Repeat {
			typ = "end_repeat"
		}
		row(typ, "", nil, nil, "", "", "", "", nil)
	}
	var open []*kobo.Group // the groups of the rows written last, outermost first
	for _, q := range form.Questions {
		in := questionGroups(q, groups)
		same := 0
		for same < len(open) && same < len(in) && open[same] == in[same] {
			same++
		}
		for i := len(open) - 1; i >= same; i-- {
			end(open[i])
		}
		for _, g := range in[same:] {
			typ := "begin_group"
			if g.Repeat {
				typ = "begin_repeat"
			}
			row(typ, g.Name, g.Labels, nil, "", "", "", "", nil)
		}
		open = in
		row(questionType(q), q.Name, q.Labels, q.Hints, q.Required, q.Relevant, q.Calculation, q.Constraint, q.ConstraintMessages)
	}
	for i := len(open) - 1; i >= 0; i-- {
		end(open[i])
	}
	return rows
}

// questionGroups returns the groups q sits in, outermost first, by the
// group paths its path starts with.
func questionGroups(q *kobo.Question, groups map[string]*kobo.Group) []*kobo.Group {
	parts := strings.Split(q.Path, "/")
	var in []*kobo.Group
	for i := 1; i < len(parts); i++ {
		if g, ok := groups[strings.Join(parts[:i], "/")]; ok {
			in = append(in, g)
		}
	}
	return in
}

// questionType is the type cell of q: its base type, then its list and
// or_other for a select.
func questionType(q *kobo.Question) string {
	t := q.Type
	if q.List != "" {
		t += " " + q.List
	}
	if q.OrOther {
		t += " or_other"
	}
	return t
}

// choiceRows returns the choices sheet, header first: every choice of
// every list, in the order of their rows.
func choiceRows(form *kobo.Form) [][]string {
	header := append([]string{"list_name", "name"}, langColumns(form, "label")...)
	var all []kobo.Choice
	for _, list := range slices.Sorted(maps.Keys(form.Lists)) {
		all = append(all, form.Lists[list]...)
	}
	slices.SortStableFunc(all, func(a, b kobo.Choice) int { return cmp.Compare(a.Row, b.Row) })
	rows := [][]string{header}
	for _, c := range all {
		rows = append(rows, append([]string{c.List, c.Name}, inLangs(form, c.Labels)...))
	}
	return rows
}

// firstSettings are the settings written first, in this order.
var firstSettings = []string{"form_title", "form_id", "version", "default_language"}

// settingRows returns the settings sheet: a header of the settings' names
// and one row of their values.
func settingRows(form *kobo.Form) [][]string {
	var names, values []string
	for _, k := range firstSettings {
		if v, ok := form.Settings[k]; ok {
			names, values = append(names, k), append(values, v)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(form.Settings)) {
		if !slices.Contains(firstSettings, k) {
			names, values = append(names, k), append(values, form.Settings[k])
		}
	}
	return [][]string{names, values}
}

// formWidths are the column widths of the XLSForm sheets, by column name
// prefix; other columns are fitted.
var formWidths = []struct {
	prefix string
	width  float64
	wrap   bool
}{
	{"type", 24, false},
	{"name", 24, false},
	{"label::", 48, true},
	{"hint::", 28, true},
	{"list_name", 14, false},
	{"relevant", 22, false},
	{"calculation", 30, false},
	{"constraint_message::", 30, true},
	{"constraint", 44, false},
	{"form_title", 44, false},
}

// formSheet turns rows of text into a sheet, empty texts into empty cells.
func formSheet(name string, rows [][]string) workbook.Sheet {
	s := workbook.Sheet{Name: name}
	for _, h := range rows[0] {
		c := workbook.Col{Header: h, Format: workbook.TextFmt}
		for _, w := range formWidths {
			if strings.HasPrefix(h, w.prefix) {
				c.Width, c.Wrap = w.width, w.wrap
				break
			}
		}
		s.Columns = append(s.Columns, c)
	}
	for _, r := range rows[1:] {
		row := make([]any, len(r))
		for i, v := range r {
			if v != "" {
				row[i] = v
			}
		}
		s.Rows = append(s.Rows, row)
	}
	return s
}
