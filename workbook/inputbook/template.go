package inputbook

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook"
)

// TemplateRows is how many rows of each input sheet a template offers for
// filling in: yellow cells, with the column's drop-down and note. A sheet
// written with rows gets at least 50 more below them.
const TemplateRows = 300

// fileIntro says what each input workbook is for, on its Instructions sheet.
var fileIntro = map[string]hromada.Text{
	project.ProjectFile: t(
		"Налаштування проєкту: назва й роки планування, громади та їхні файли опитування, групи населення (які домогосподарства до них належать) і потреби (яка відповідь в опитуванні означає потребу в якій послузі). hromada читає цей файл першим.",
		"Project settings: name and planning years, the communities and their survey files, the population groups (which households belong to them) and the needs (which survey answer means a need for which service). hromada reads this file first."),
	project.RegistryFile: t(
		"Реєстрові дані (Додаток 1): скільки сімей, дітей або осіб кожної групи живе в кожній громаді станом на 1 січня, і звідки ці числа. З них частки з опитування перетворюються на кількість людей, яким потрібна послуга. Аркуш «Відомі клієнти» (необов'язковий): скільки людей, яким потрібна послуга, уже відомо з журналів обліку чи реєстрів — для рідкісних потреб, які опитування не може оцінити.",
		"Registry counts (Annex 1): how many families, children or persons of each group live in each community as of 1 January, and where the numbers come from. They turn the shares from the survey into numbers of people who need a service. The Known clients sheet (optional): how many people who need a service are already known from case records or registers — for rare needs a survey cannot estimate."),
	project.ProvidersFile: t(
		"Надавачі соціальних послуг (Додаток 2): хто в громаді надає яку послугу, скільком клієнтам на рік, з яким персоналом. З цього план бачить, яку частину потреби вже покрито.",
		"Service providers (Annex 2): who in the community provides which service, to how many clients a year, with what staff. From this the plan sees how much of the need is already covered."),
	project.CostsFile: t(
		"Вихідні дані для бюджету: посади й оклади, інші поточні витрати, стартові витрати, частки донора й держави за роками, доходи місцевого бюджету.",
		"Cost inputs for the budget: posts and salaries, other running costs, start-up costs, donor and state shares by year, local budget revenue."),
}

// howTo is the part of every Instructions sheet that says how to fill in a
// template.
var howTo = []hromada.Text{
	t("Заповнюйте жовті клітинки. Стовпці, позначені *, обов'язкові; порожня клітинка інших стовпців означає значення за замовчуванням.",
		"Fill in the yellow cells. Columns marked * are required; an empty cell in another column means its default."),
	t("Не перейменовуйте аркуші й заголовки: hromada знаходить їх за назвою (українською або англійською), тож порядок стовпців не важливий.",
		"Do not rename sheets or headers: hromada finds them by name (in Ukrainian or English), so the order of the columns does not matter."),
	t("Клітинка зі списком пропонує дозволені значення; виділіть клітинку, щоб побачити підказку.",
		"A cell with a list offers the allowed values; select a cell to see its hint."),
	t("Коли заповните, запустіть «hromada check ПАПКА_ПРОЄКТУ»: програма перелічить кожну помилку з файлом, аркушем і клітинкою.",
		"When done, run 'hromada check PROJECT_FOLDER': it lists every problem with its file, sheet and cell."),
}

var kindName = map[project.Kind]hromada.Text{
	project.Text:    t("текст", "text"),
	project.Number:  t("число ≥ 0", "a number ≥ 0"),
	project.Integer: t("ціле число ≥ 0", "a whole number ≥ 0"),
	project.YesNo:   t("так / ні", "yes / no"),
	project.Date:    t("дата (2026-01-01 або 01.01.2026)", "a date (2026-01-01 or 01.01.2026)"),
	project.Code:    t("код зі списку", "a code from the list"),
	project.Share:   t("частка 0..1 або відсоток 0..100 %", "a share 0..1 or a percentage 0..100 %"),
}

// words are the fixed phrases of the templates.
var words = struct {
	instructions, required, optional, kind, deflt, example, allowed, fromList, key, setting, value, help, sheet, codesToo hromada.Text
}{
	instructions: t("Інструкція", "Instructions"),
	required:     t("обов'язково", "required"),
	optional:     t("необов'язково", "optional"),
	kind:         t("Значення", "Value"),
	deflt:        t("За замовчуванням", "Default"),
	example:      t("Приклад", "Example"),
	allowed:      t("Дозволено", "Allowed"),
	fromList:     t("значення зі списку в клітинці", "the values of the cell's list"),
	key:          t("Ключ", "Key"),
	setting:      t("Параметр", "Setting"),
	value:        t("Значення", "Value"),
	help:         t("Пояснення", "Help"),
	sheet:        t("Аркуш", "Sheet"),
	codesToo:     t("приймаються й англійські коди", "English codes are accepted too"),
}

// WriteFile writes the input workbook f to path: an Instructions sheet in
// lang (what the file is for, each sheet and each column with its help,
// kind, whether it is required, its default, an example and its allowed
// values), then one sheet per sheet of f with headers in lang (required
// ones marked *), a frozen header row and TemplateRows yellow input rows.
//
// rows pre-fills sheets by [Sheet.Key]: each row holds the values of the
// sheet's fields in schema order (nil for an empty cell). The key/value
// settings sheet is written as Key | Setting | Value | Help with one row per
// settings field; rows["settings"] holds {key, value} pairs that replace a
// field's default.
//
// lists gives the drop-down values of a [Field.List] by list name; a list
// not in lists falls back to [FixedLists], and a column whose list has no
// values gets no drop-down. The drop-downs warn about other values without
// refusing them.
//
// The file is written whole or not at all, and the same arguments give the
// same workbook. init writes empty templates with it, and the example
// projects are written with it too.
func WriteFile(path string, f project.File, lang hromada.Lang, rows map[string][][]any, lists map[string][]string) error {
	return WriteFileWithCatalogue(path, f, lang, rows, lists, nil)
}

// WriteFileWithCatalogue writes the input workbook f as [WriteFile] does,
// with a last sheet that lists services — the catalogue's code, name,
// unit, caseload and questionnaire option of each — so that a person
// filling in a code sees which service it is. init writes its templates
// with it.
func WriteFileWithCatalogue(path string, f project.File, lang hromada.Lang, rows map[string][][]any, lists map[string][]string, services []hromada.Service) error {
	b, err := fileBook(f, lang, rows, lists)
	if err != nil {
		return fmt.Errorf("%s: %w", f.Name, err)
	}
	if len(services) > 0 {
		b.AddSheet(catalogueSheet(services, lang))
	}
	return b.Save(path)
}

// CatalogueSheet is the name of the reference sheet of the catalogue in
// the templates init writes.
var CatalogueSheet = t("Каталог послуг", "Service catalogue")

// catalogueSheet is the reference sheet of the services: code, name,
// unit, caseload and questionnaire option, one service a row.
func catalogueSheet(services []hromada.Service, lang hromada.Lang) workbook.Sheet {
	rows := make([][]any, len(services))
	for i, s := range services {
		var caseload any
		if s.Caseload > 0 {
			caseload = s.Caseload
		}
		rows[i] = []any{s.Code, s.Name.In(lang), shownValue("unit", string(s.Unit), lang), caseload, s.Key}
	}
	return workbook.Sheet{
		Name: CatalogueSheet.In(lang),
		Columns: []workbook.Col{
			{Header: t("Код послуги", "Service code").In(lang), Width: 12, Format: workbook.TextFmt},
			{Header: t("Послуга", "Service").In(lang), Width: 60, Wrap: true},
			{Header: t("Одиниця", "Unit").In(lang), Width: 12},
			{Header: t("Клієнтів на одну ставку за рік", "Clients a year per full-time post").In(lang), Width: 18, Format: workbook.General, Wrap: true},
			{Header: t("Варіант в анкеті", "Questionnaire option").In(lang), Width: 22, Format: workbook.TextFmt},
		},
		Rows:   rows,
		Filter: true,
	}
}

func fileBook(f project.File, lang hromada.Lang, rows map[string][][]any, lists map[string][]string) (*workbook.Book, error) {
	for key := range rows {
		if !hasSheet(f, key) {
			return nil, fmt.Errorf("rows given for sheet %q, which the file does not hold", key)
		}
	}
	b := workbook.NewBook()
	b.AddText(words.instructions.In(lang), f.Title.In(lang), instructions(f, lang, lists))
	for _, s := range f.Sheets {
		var ws workbook.Sheet
		var err error
		if s.Key == project.Settings.Key {
			ws, err = settingsSheet(s, lang, rows[s.Key], lists)
		} else {
			ws, err = inputSheet(s, lang, rows[s.Key], lists)
		}
		if err != nil {
			return nil, err
		}
		b.AddSheet(ws)
	}
	return b, b.Err()
}

// hasSheet reports whether f has the sheet key.
func hasSheet(f project.File, key string) bool {
	for _, s := range f.Sheets {
		if s.Key == key {
			return true
		}
	}
	return false
}

// listValues returns the drop-down values of list in lang.
func listValues(list string, lang hromada.Lang, lists map[string][]string) []string {
	if list == "" {
		return nil
	}
	if v, ok := lists[list]; ok {
		return v
	}
	if _, ok := project.FixedLists[list]; !ok {
		return []string{}
	}
	return project.ListWords(list, lang)
}

// shownValue returns a code of a fixed list as the template's drop-down
// in lang offers it ("yes" → "так"); other values are returned as they
// are.
func shownValue(list, value string, lang hromada.Lang) string {
	for _, x := range project.FixedLists[list] {
		if x.Code == value {
			return x.Shown(lang)
		}
	}
	return value
}

// shownDefault returns the field's default as the instructions say it:
// a list's code as its drop-down shows it, a number of a number or share
// field with the decimal comma in Ukrainian («0,95»).
func shownDefault(f project.Field, lang hromada.Lang) string {
	v := shownValue(f.List, f.Default, lang)
	if _, err := strconv.ParseFloat(v, 64); err == nil && f.Kind != project.Code && lang == hromada.Ukrainian {
		v = strings.Replace(v, ".", ",", 1)
	}
	return v
}

// header returns the field's header in lang, marked * when required.
func header(f project.Field, lang hromada.Lang) string {
	h := f.Label.In(lang)
	if f.Required {
		h += " *"
	}
	return h
}

// format is the number format of a field's cells. Codes and texts are
// text so that 014.0 stays 014.0; whole numbers stay General so a year
// reads 2026, not 2 026.
func format(k project.Kind) workbook.Format {
	switch k {
	case project.Text, project.Code, project.YesNo:
		return workbook.TextFmt
	case project.Date:
		return workbook.DateFmt
	}
	return workbook.General
}

// width is the width of a field's column in a template: the schema's, or
// one that fits the header on two lines and the example, at least 12; and
// wider when a pre-filled value needs it, up to 50 characters.
func width(f project.Field, lang hromada.Lang, rows [][]any, col int) float64 {
	w := f.Width
	if w == 0 {
		h := header(f, lang)
		w = float64(len([]rune(h)))*0.6 + 2
		for _, word := range strings.Fields(h) {
			w = max(w, float64(len([]rune(word)))+3)
		}
		w = max(w, float64(len([]rune(f.ExampleIn(lang))))+2, 12)
	}
	for _, r := range rows {
		if col < len(r) && r[col] != nil {
			w = max(w, float64(len([]rune(fmt.Sprint(r[col]))))+2)
		}
	}
	return min(w, 50)
}

// note is the short help shown when a cell of the field is selected.
func note(f project.Field, lang hromada.Lang) string {
	var parts []string
	if h := fieldHelp(f, lang); h != "" {
		parts = append(parts, h)
	}
	if f.Required {
		parts = append(parts, capitalize(words.required.In(lang))+".")
	}
	if f.Default != "" {
		parts = append(parts, words.deflt.In(lang)+": "+shownDefault(f, lang)+".")
	}
	if f.Example != "" {
		parts = append(parts, words.example.In(lang)+": "+f.ExampleIn(lang))
	}
	return strings.Join(parts, " ")
}

func inputSheet(s project.Sheet, lang hromada.Lang, rows [][]any, lists map[string][]string) (workbook.Sheet, error) {
	cols := make([]workbook.Col, len(s.Fields))
	for i, f := range s.Fields {
		cols[i] = workbook.Col{
			Header: header(f, lang),
			Width:  width(f, lang, rows, i),
			Format: format(f.Kind),
			List:   listValues(f.List, lang, lists),
			Note:   note(f, lang),
			Input:  true,
		}
	}
	for i, r := range rows {
		if len(r) > len(s.Fields) {
			return workbook.Sheet{}, fmt.Errorf("sheet %s: row %d has %d values for %d columns", s.Key, i+1, len(r), len(s.Fields))
		}
	}
	rows = shownRows(s, lang, rows)
	return workbook.Sheet{
		Name:      s.Name.In(lang),
		Columns:   cols,
		Rows:      rows,
		InputRows: max(TemplateRows-len(rows), 50),
	}, nil
}

// shownRows returns rows with each code of a fixed list as the sheet's
// drop-down offers it in lang (family → сім'я), so that a pre-filled cell
// holds a value of its list; rows is not changed.
func shownRows(s project.Sheet, lang hromada.Lang, rows [][]any) [][]any {
	out := make([][]any, len(rows))
	for i, r := range rows {
		out[i] = r
		copied := false
		for j, v := range r {
			str, ok := v.(string)
			if !ok || s.Fields[j].Kind != project.Code {
				continue
			}
			if shown := shownValue(s.Fields[j].List, str, lang); shown != str {
				if !copied {
					out[i], copied = append([]any(nil), r...), true
				}
				out[i][j] = shown
			}
		}
	}
	return out
}

// settingsSheet writes the key/value sheet: one row per field, its value
// from given ({key, value} pairs) or its default.
func settingsSheet(s project.Sheet, lang hromada.Lang, given [][]any, lists map[string][]string) (workbook.Sheet, error) {
	values := map[string]any{}
	for i, kv := range given {
		if len(kv) != 2 {
			return workbook.Sheet{}, fmt.Errorf("settings row %d has %d values, want {key, value}", i+1, len(kv))
		}
		key, ok := kv[0].(string)
		if !ok || !hasField(s, key) {
			return workbook.Sheet{}, fmt.Errorf("settings row %d: %v is not a setting", i+1, kv[0])
		}
		values[key] = kv[1]
	}
	ws := workbook.Sheet{
		Name: s.Name.In(lang),
		Columns: []workbook.Col{
			{Header: words.key.In(lang), Width: 16, Format: workbook.TextFmt},
			{Header: words.setting.In(lang), Width: 36, Wrap: true},
			{Header: words.value.In(lang), Width: 30, Input: true},
			{Header: words.help.In(lang), Width: 80, Wrap: true},
		},
	}
	for i, f := range s.Fields {
		v, ok := values[f.Key]
		if !ok && f.Default != "" {
			v = typed(f, shownValue(f.List, f.Default, lang))
		}
		if str, isStr := v.(string); isStr && f.List != "" {
			v = shownValue(f.List, str, lang)
		}
		ws.Rows = append(ws.Rows, []any{f.Key, header(f, lang), v, settingHelp(f, lang)})
		ws.Cells = append(ws.Cells, workbook.CellInput{
			Row: i, Col: 2,
			Title: f.Label.In(lang),
			List:  listValues(f.List, lang, lists),
			Note:  note(f, lang),
		})
	}
	return ws, nil
}

// hasField reports whether s has the field key.
func hasField(s project.Sheet, key string) bool {
	for _, f := range s.Fields {
		if f.Key == key {
			return true
		}
	}
	return false
}

// typed returns a default as the value a cell should hold: a number for
// numeric kinds, so Excel shows 0.95 as a number, text otherwise.
func typed(f project.Field, v string) any {
	switch f.Kind {
	case project.Number, project.Integer, project.Share:
		if x, err := strconv.ParseFloat(v, 64); err == nil {
			return x
		}
	}
	return v
}

// settingHelp is the Help cell of a setting: its help, the allowed values
// and an example.
func settingHelp(f project.Field, lang hromada.Lang) string {
	var parts []string
	if h := fieldHelp(f, lang); h != "" {
		parts = append(parts, h)
	}
	if vals := project.FixedLists[f.List]; len(vals) > 0 && f.Kind != project.YesNo {
		parts = append(parts, words.allowed.In(lang)+": "+describe(vals, lang)+".")
	} else if f.Kind != project.Code && f.Kind != project.Text {
		parts = append(parts, capitalize(kindName[f.Kind].In(lang))+".")
	}
	if f.Example != "" {
		parts = append(parts, words.example.In(lang)+": "+f.ExampleIn(lang)+".")
	}
	return strings.Join(parts, " ")
}

// describe lists values as the drop-down in lang offers them with what
// they mean, "value — meaning; …", and in Ukrainian the English codes
// also accepted.
func describe(vals []project.ListValue, lang hromada.Lang) string {
	s := make([]string, len(vals))
	var codes []string
	for i, v := range vals {
		s[i] = v.Shown(lang)
		if m := v.Label.In(lang); m != s[i] {
			s[i] += " — " + m
		}
		if v.Shown(lang) != v.Code {
			codes = append(codes, v.Code)
		}
	}
	out := strings.Join(s, "; ")
	if len(codes) > 0 {
		out += " (" + words.codesToo.In(lang) + ": " + strings.Join(codes, ", ") + ")"
	}
	return out
}

// instructions returns the paragraphs of a file's Instructions sheet.
func instructions(f project.File, lang hromada.Lang, lists map[string][]string) []workbook.Para {
	var ps []workbook.Para
	if intro := fileIntro[f.Name].In(lang); intro != "" {
		ps = append(ps, workbook.Para{Text: intro})
	}
	for _, h := range howTo {
		ps = append(ps, workbook.Para{Text: h.In(lang)})
	}
	for _, s := range f.Sheets {
		ps = append(ps, workbook.Para{Heading: words.sheet.In(lang) + ": " + s.Name.In(lang)})
		ps = append(ps, workbook.Para{Text: s.Help.In(lang)})
		if s.Key == project.Settings.Key {
			ps = append(ps, workbook.Para{Text: settingsHowTo.In(lang)})
		}
		for _, fl := range s.Fields {
			ps = append(ps, workbook.Para{Key: header(fl, lang), Text: fieldText(fl, lang, lists)})
		}
	}
	return ps
}

var settingsHowTo = t(
	"Стовпець «Ключ» — назва параметра для програми, не змінюйте його. Параметри «Стовпець …» називають стовпці файлу опитування; значення за замовчуванням збігаються з назвами питань анкети questionnaire.xlsx, тож експорт KoboToolbox читається без змін. Лише ваги анкета не питає: додайте до експорту стовпець weight із вагами за дизайном вибірки або очистіть параметр «Стовпець ваги».",
	"The Key column names the setting for the program; do not change it. The '… column' settings name columns of the survey file; their defaults are the names of the questions of questionnaire.xlsx, so a KoboToolbox export is read as it is. Only the weight is not a question: add a weight column with the design weights to the export, or clear the Weight column setting.")

// fieldText describes one column for the instructions.
func fieldText(f project.Field, lang hromada.Lang, lists map[string][]string) string {
	var parts []string
	if h := fieldHelp(f, lang); h != "" {
		parts = append(parts, h)
	}
	req := words.optional
	if f.Required {
		req = words.required
	}
	kind := kindName[f.Kind].In(lang)
	if f.Kind == project.YesNo {
		kind = strings.Join(listValues(f.List, lang, lists), " / ")
	}
	parts = append(parts, words.kind.In(lang)+": "+kind+"; "+req.In(lang)+".")
	if f.Default != "" {
		parts = append(parts, words.deflt.In(lang)+": "+shownDefault(f, lang)+".")
	}
	if f.Example != "" {
		parts = append(parts, words.example.In(lang)+": "+f.ExampleIn(lang)+".")
	}
	if f.Kind == project.Code {
		if vals, ok := project.FixedLists[f.List]; ok && lists[f.List] == nil {
			parts = append(parts, words.allowed.In(lang)+": "+describe(vals, lang)+".")
		} else if v := lists[f.List]; len(v) > 0 && len(strings.Join(v, ", ")) <= 200 {
			parts = append(parts, words.allowed.In(lang)+": "+strings.Join(v, ", ")+".")
		} else if len(v) > 0 {
			parts = append(parts, words.allowed.In(lang)+": "+words.fromList.In(lang)+".")
		}
	}
	return strings.Join(parts, " ")
}

// fieldHelp returns the field's help in lang as a sentence: capitalised,
// unless it starts with a value of the field's list ("uk або en"), and
// ending with a full stop.
func fieldHelp(f project.Field, lang hromada.Lang) string {
	h := f.Help.In(lang)
	if h == "" {
		return ""
	}
	first, _, _ := strings.Cut(h, " ")
	isCode := false
	for _, v := range project.FixedLists[f.List] {
		isCode = isCode || v.Code == first
	}
	if !isCode {
		h = capitalize(h)
	}
	return h + "."
}

// t is a text in Ukrainian and English.
func t(uk, en string) hromada.Text { return hromada.Text{UK: uk, EN: en} }

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
