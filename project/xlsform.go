package project

import (
	"slices"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/kobo"
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

// formTexts returns a text as labels of the form, one per form language.
func formTexts(x hromada.Text) []kobo.Label {
	var ls []kobo.Label
	for _, l := range formLangs {
		var s string
		switch l.lang {
		case hromada.Ukrainian:
			s = x.UK
		case hromada.English:
			s = x.EN
		}
		if s != "" {
			ls = append(ls, kobo.Label{Lang: l.suffix, Text: s})
		}
	}
	return ls
}

// QuestionnaireForm returns the household questionnaire as an XLSForm
// (package workbook/inputbook writes it for KoboToolbox): the questions of
// [Questionnaire] (start, end and today first, then the location,
// household and needs groups and the household members' repeat), the
// choices of [QuestionnaireChoices] and [NeedOptions] (plus the option
// "none" of the required needs questions), and the settings form_title,
// form_id, version and default_language. Labels and hints are in
// Ukrainian and English; lang picks the default language and the title.
// The question names are the column headers of the form's export and the
// defaults of a new project's settings.
func QuestionnaireForm(lang hromada.Lang) *kobo.Form {
	form := &kobo.Form{
		Lists: map[string][]kobo.Choice{},
		Settings: map[string]string{
			"form_title": formTitle.In(lang), "form_id": FormID, "version": FormVersion, "default_language": FormLanguage(lang),
		},
	}
	for _, l := range formLangs {
		form.Languages = append(form.Languages, l.suffix)
	}
	groups := map[string]bool{} // the paths of the groups added
	for _, q := range Questionnaire {
		var in []string // the groups q sits in, outermost first
		if q.Group != "" {
			in = append(in, q.Group)
		}
		if q.Repeat {
			in = append(in, "roster")
		}
		var open []string // their names
		for _, g := range in {
			name, label := formGroup(g)
			open = append(open, name)
			if path := strings.Join(open, "/"); !groups[path] {
				groups[path] = true
				form.Groups = append(form.Groups, &kobo.Group{Name: name, Path: path, Repeat: g == "roster", Labels: formTexts(label)})
			}
		}
		tp := kobo.ParseType(q.Type)
		kq := &kobo.Question{
			Type: tp.Base, List: tp.List(), OrOther: tp.OrOther(), Name: q.Name,
			Path:   strings.Join(append(open, q.Name), "/"),
			Labels: formTexts(q.Label), Hints: formTexts(q.Hint),
			Relevant: q.Relevant, Calculation: q.Calc,
		}
		if q.Repeat {
			kq.Repeat = open[len(open)-1]
		}
		if q.Required {
			kq.Required = "yes"
		}
		if c, ok := formConstraints[q.Name]; ok {
			kq.Constraint, kq.ConstraintMessages = c.expr, formTexts(c.msg)
		}
		form.Questions = append(form.Questions, kq)
	}
	row := 2 // the choices sheet's first row under its header
	choice := func(list, name string, label hromada.Text) {
		form.Lists[list] = append(form.Lists[list], kobo.Choice{List: list, Name: name, Labels: formTexts(label), Row: row})
		row++
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
	return form
}

// formGroup returns the XLSForm name and the label of a group.
func formGroup(group string) (string, hromada.Text) {
	if g, ok := formGroups[group]; ok {
		return g.name, g.label
	}
	return group, hromada.Text{UK: group, EN: group}
}
