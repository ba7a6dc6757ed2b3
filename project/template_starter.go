package project

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hromada-tool/hromada"
)

// Starter is what a new project is made from: the catalogue's services and
// groups, the economic codes the cost sheets offer, and the language of the
// templates.
type Starter struct {
	Name     string            // project name, pre-filled in the settings; may be empty
	Lang     hromada.Lang      // language of headers, instructions and the form's default
	Services []hromada.Service // services of the catalogue; each NeedOption's Key must be among them
	Groups   []hromada.Group   // groups of the catalogue; each DefaultGroups group must be among them
	KEKV     []string          // economic codes (КЕКВ) offered in the cost sheets
}

// StarterSettings are the survey-column settings of a new project. They
// name the questions of [Questionnaire], so a KoboToolbox export of the
// form is read with no mapping. The weight is not a question: the planner
// adds it to the export from the sample design (see the survey folder's
// README).
var StarterSettings = [][2]string{
	{"weight", "weight"},
	{"stratum", "stratum"},
	{"cluster", "settlement"},
	{"community", "hromada"},
	{"children", "n_children"},
	{"household_size", "hh_size"},
}

// Rows returns the rows a new project's project.xlsx is pre-filled with,
// by sheet key: the settings of [StarterSettings], one group per
// [DefaultGroups] named as in the catalogue, and one need per
// [NeedOptions] tied to the catalogue's service of the same key. It fails
// when the catalogue lacks a group or a service the questionnaire asks
// about.
func (s Starter) Rows() (map[string][][]any, error) {
	settings := [][]any{{"language", string(s.Lang)}}
	if s.Name != "" {
		settings = append([][]any{{"name", s.Name}}, settings...)
	}
	for _, kv := range StarterSettings {
		settings = append(settings, []any{kv[0], kv[1]})
	}
	groups := map[string]hromada.Group{}
	for _, g := range s.Groups {
		groups[g.ID] = g
	}
	var groupRows [][]any
	var missing []string
	for _, gq := range DefaultGroups {
		g, ok := groups[gq.Group]
		if !ok {
			missing = append(missing, gq.Group)
			continue
		}
		groupRows = append(groupRows, []any{g.ID, g.Name.UK, g.Name.EN, gq.Column, "yes", nil, string(gq.Unit), g.Vulnerability})
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("the catalogue has no group %s, which the questionnaire identifies", strings.Join(missing, ", "))
	}
	byKey := map[string]hromada.Service{}
	for _, sv := range s.Services {
		if sv.Key != "" {
			byKey[sv.Key] = sv
		}
	}
	var needRows [][]any
	for _, o := range NeedOptions {
		sv, ok := byKey[o.Key]
		if !ok {
			missing = append(missing, o.Key)
			continue
		}
		row := []any{ServiceLabel(sv, s.Lang), NeedsQuestion, o.Key}
		if sv.Unit != hromada.Family && slices.Contains(MemberNeedOptions, o.Key) {
			row = append(row, RosterSheet, MemberNeedsQuestion)
		}
		needRows = append(needRows, row)
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("the catalogue has no service with key %s, which the questionnaire asks about", strings.Join(missing, ", "))
	}
	return map[string][][]any{
		Settings.Key: settings,
		Groups.Key:   groupRows,
		Needs.Key:    needRows,
	}, nil
}

// Lists returns the drop-down lists of a new project's templates that do
// not come from [FixedLists]: service codes, group ids and economic codes.
// The community list stays empty until the planner lists the communities.
func (s Starter) Lists() map[string][]string {
	services := make([]string, len(s.Services))
	for i, sv := range s.Services {
		services[i] = ServiceLabel(sv, s.Lang)
	}
	groups := make([]string, len(s.Groups))
	for i, g := range s.Groups {
		groups[i] = g.ID
	}
	return map[string][]string{
		"service": services,
		"group":   groups,
		"kekv":    append([]string(nil), s.KEKV...),
	}
}

// StarterFiles lists what a new project holds (the WriteStarter of
// package workbook/inputbook writes it), in the order it is written, as
// paths relative to the project folder.
func StarterFiles() []string {
	var names []string
	for _, f := range Files {
		names = append(names, f.Name)
	}
	return append(names, FormFile, filepath.Join(SurveyDir, "README.txt"))
}

var surveyReadme = map[hromada.Lang]string{
	hromada.Ukrainian: `Сюди кладіть експорти опитування з KoboToolbox.

1. Завантажте questionnaire.xlsx з папки проєкту в KoboToolbox (Проєкти → Новий →
   Завантажити XLSForm) і розгорніть форму.
2. Після збору даних: Дані → Завантаження → тип XLS, формат значень і заголовків
   «XML values and headers», без груп у заголовках. Збережіть файл сюди, наприклад
   survey/andrushivska.xlsx.
3. Додайте стовпець weight — вагу кожного домогосподарства за дизайном вибірки
   (скільки домогосподарств громади воно представляє). Без ваг очистіть параметр
   «Стовпець ваги» в project.xlsx: тоді всі ваги дорівнюють 1.
4. Укажіть файл у project.xlsx, аркуш «Громади», стовпець «Файл опитування».

Файли опитування містять відомості про вразливі сім'ї: зберігайте їх лише там,
де дозволяє ваша політика захисту даних, і не пересилайте без потреби.
`,
	hromada.English: `Put the survey exports from KoboToolbox here.

1. Upload questionnaire.xlsx from the project folder to KoboToolbox (Projects →
   New → Upload an XLSForm) and deploy the form.
2. After data collection: Data → Downloads → type XLS, value and header format
   "XML values and headers", groups not included in headers. Save the file here,
   e.g. survey/andrushivska.xlsx.
3. Add a column named weight: each household's design weight (how many households
   of the community it stands for). Without weights, clear the Weight column
   setting in project.xlsx: every weight is then 1.
4. Name the file in project.xlsx, sheet Communities, column Survey file.

Survey files describe vulnerable families: keep them only where your data
protection policy allows, and do not pass them on without need.
`,
}

// SurveyReadme returns the README.txt of a new project's survey folder:
// in lang first, then in the other language.
func SurveyReadme(lang hromada.Lang) string {
	other := hromada.English
	if lang == hromada.English {
		other = hromada.Ukrainian
	}
	return surveyReadme[lang] + "\n----\n\n" + surveyReadme[other]
}
