package project

import (
	"slices"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/workbook"
)

// The XLSForm of the household questionnaire, as KoboToolbox and pyxform
// read it (https://xlsform.org): a survey sheet of questions, a choices
// sheet of answer options and a settings sheet. Labels and hints are in
// both languages, in columns named "label::Ukrainian (uk)" and
// "label::English (en)", the language syntax XLSForm asks for: the name of
// the language, then its code in parentheses.
const (
	FormID      = "hromada_household" // form_id: the root element of every submission
	FormVersion = "1"                 // version of the form; change it with the questions
)

// NeedsQuestion is the name of the select_multiple question whose options
// are the [NeedOptions].
const NeedsQuestion = "needs"

// formLangs are the languages of the form, in column order.
var formLangs = []struct {
	lang   hromada.Lang
	suffix string
}{
	{hromada.Ukrainian, "Ukrainian (uk)"},
	{hromada.English, "English (en)"},
}

// FormLanguage returns the XLSForm language name of lang, as in the
// label::… column headers and the default_language setting.
func FormLanguage(lang hromada.Lang) string {
	for _, l := range formLangs {
		if l.lang == lang {
			return l.suffix
		}
	}
	return formLangs[0].suffix
}

var formTitle = t("Потреби домогосподарств у соціальних послугах", "Household needs for social services")

// formGroups are the names and labels of the questionnaire's groups, by
// [Question.Group]; "roster" is the repeat group of household members. A
// group's name must differ from every question's: the group "needs" holds
// the question "needs", so it is named service_needs.
var formGroups = map[string]struct {
	name  string
	label hromada.Text
}{
	"location":  {"location", t("Місцезнаходження", "Location")},
	"household": {"household", t("Домогосподарство", "Household")},
	"needs":     {"service_needs", t("Потреби в соціальних послугах", "Need for social services")},
	"roster":    {"roster", t("Члени домогосподарства", "Household members")},
}

// formConstraints are the answer checks the form asks the enumerator's
// device to make, by question name.
var formConstraints = map[string]struct {
	expr string
	msg  hromada.Text
}{
	"hh_size": {". >= 1 and . <= 30",
		t("Від 1 до 30 осіб", "From 1 to 30 people")},
	"n_children": {". >= 0 and . <= ${hh_size}",
		t("Дітей не може бути більше, ніж осіб у домогосподарстві", "There cannot be more children than people in the household")},
	NeedsQuestion: {"not(selected(., '" + noNeed + "') and count-selected(.) > 1)",
		t("«Жодна з цих послуг» не поєднується з іншими відповідями", "'None of these services' cannot be combined with other answers")},
	MemberNeedsQuestion: {"not(selected(., '" + noNeed + "') and count-selected(.) > 1)",
		t("«Жодна з цих послуг» не поєднується з іншими відповідями", "'None of these services' cannot be combined with other answers")},
	"member_age": {". >= 0 and . <= 120",
		t("Вік від 0 до 120 років", "Age from 0 to 120 years")},
}

// noNeed is the option of the needs question for a household that needs
// none of the services: the question is required, so a household without
// needs must have an answer that says so.
const noNeed = "none"

var noNeedLabel = t("Жодна з цих послуг", "None of these services")

// surveyColumns are the columns of the survey sheet.
func surveyColumns() []string {
	cols := []string{"type", "name"}
	for _, l := range formLangs {
		cols = append(cols, "label::"+l.suffix)
	}
	for _, l := range formLangs {
		cols = append(cols, "hint::"+l.suffix)
	}
	cols = append(cols, "required", "relevant", "calculation", "constraint")
	for _, l := range formLangs {
		cols = append(cols, "constraint_message::"+l.suffix)
	}
	return cols
}

// choicesColumns are the columns of the choices sheet.
func choicesColumns() []string {
	cols := []string{"list_name", "name"}
	for _, l := range formLangs {
		cols = append(cols, "label::"+l.suffix)
	}
	return cols
}

// texts returns a bilingual text as one cell per form language.
func texts(x hromada.Text) []string {
	s := make([]string, len(formLangs))
	for i, l := range formLangs {
		switch l.lang {
		case hromada.Ukrainian:
			s[i] = x.UK
		case hromada.English:
			s[i] = x.EN
		}
	}
	return s
}

// xlsformSheets returns the XLSForm of [Questionnaire] as rows of text by
// sheet name, headers first.
func xlsformSheets(lang hromada.Lang) map[string][][]string {
	survey := [][]string{surveyColumns()}
	row := func(typ, name string, label, hint hromada.Text, required bool, relevant, calc string) {
		r := []string{typ, name}
		r = append(r, texts(label)...)
		r = append(r, texts(hint)...)
		req := ""
		if required {
			req = "yes"
		}
		r = append(r, req, relevant, calc)
		if c, ok := formConstraints[name]; ok {
			r = append(r, c.expr)
			r = append(r, texts(c.msg)...)
		} else {
			r = append(r, make([]string, 1+len(formLangs))...)
		}
		survey = append(survey, r)
	}
	group, repeat := "", false
	for _, q := range Questionnaire {
		if q.Group != group || (q.Repeat != repeat) {
			if repeat {
				row("end_repeat", "", hromada.Text{}, hromada.Text{}, false, "", "")
			}
			if q.Group != group && group != "" {
				row("end_group", "", hromada.Text{}, hromada.Text{}, false, "", "")
			}
			if q.Group != group && q.Group != "" {
				name, label := formGroup(q.Group)
				row("begin_group", name, label, hromada.Text{}, false, "", "")
			}
			if q.Repeat {
				name, label := formGroup("roster")
				row("begin_repeat", name, label, hromada.Text{}, false, "", "")
			}
			group, repeat = q.Group, q.Repeat
		}
		row(q.Type, q.Name, q.Label, q.Hint, q.Required, q.Relevant, q.Calc)
	}
	if repeat {
		row("end_repeat", "", hromada.Text{}, hromada.Text{}, false, "", "")
	}
	if group != "" {
		row("end_group", "", hromada.Text{}, hromada.Text{}, false, "", "")
	}

	choices := [][]string{choicesColumns()}
	choice := func(list, name string, label hromada.Text) {
		choices = append(choices, append([]string{list, name}, texts(label)...))
	}
	for _, c := range QuestionnaireChoices {
		choice(c.List, c.Name, c.Label)
	}
	for _, o := range NeedOptions {
		choice(NeedsQuestion, o.Key, o.Label)
	}
	choice(NeedsQuestion, noNeed, noNeedLabel)
	for _, o := range NeedOptions {
		if slices.Contains(MemberNeedOptions, o.Key) {
			choice(MemberNeedsQuestion, o.Key, o.Label)
		}
	}
	choice(MemberNeedsQuestion, noNeed, noNeedLabel)

	settings := [][]string{
		{"form_title", "form_id", "version", "default_language"},
		{formTitle.In(lang), FormID, FormVersion, FormLanguage(lang)},
	}
	return map[string][][]string{"survey": survey, "choices": choices, "settings": settings}
}

// formGroup returns the XLSForm name and the label of a group.
func formGroup(group string) (string, hromada.Text) {
	if g, ok := formGroups[group]; ok {
		return g.name, g.label
	}
	return group, hromada.Text{UK: group, EN: group}
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

// WriteXLSForm writes the household questionnaire to path as an XLSForm to
// upload to KoboToolbox: a survey sheet built from [Questionnaire] (start,
// end and today first, then the location, household and needs groups), a
// choices sheet from [QuestionnaireChoices] and [NeedOptions] (plus the
// option "none" of the required needs question), and a settings sheet with
// form_title, form_id, version and default_language. Labels and hints are
// in Ukrainian and English; lang picks the default language and the title.
// The question names are the column headers of the form's export and the
// defaults of a new project's settings.
func WriteXLSForm(path string, lang hromada.Lang) error {
	sheets := xlsformSheets(lang)
	b := workbook.NewBook()
	for _, name := range []string{"survey", "choices", "settings"} {
		b.AddSheet(formSheet(name, sheets[name]))
	}
	return b.Save(path)
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
