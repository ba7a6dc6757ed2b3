package kobo

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/xlsx"
)

// ErrNotXLSForm: a workbook lacks what an XLSForm must have (a survey sheet
// with type and name columns).
var ErrNotXLSForm = errors.New("not an XLSForm")

// formFileHint says which file an XLSForm is.
var formFileHint = hromada.T("дайте файл форми .xlsx, завантажений з KoboToolbox (Форма > Завантажити XLS)",
	"give the .xlsx file of the form, as downloaded from KoboToolbox (Form > Download XLS)")

// Form is a questionnaire in the XLSForm format, as designed for
// KoboToolbox or ODK: what each column of an export holds, and the labels
// of the choice codes. [ReadXLSForm] reads one, the check of a project's
// settings compares with one, and package workbook/inputbook writes one.
type Form struct {
	Path      string
	Questions []*Question         // in the order of the survey sheet, groups left out
	Groups    []*Group            // the groups and repeats, in the order they begin
	Lists     map[string][]Choice // choice list name → choices, in order
	Settings  map[string]string   // the settings sheet: column name → value
	Languages []string            // languages of the label::<language> columns, in order
	Problems  hromada.Problems    // warnings about the form's structure (merged cells and other layout are not checked)
	byName    map[string]*Question
}

// Question is one row of the survey sheet that is not a group marker.
type Question struct {
	Type        string // base type: select_one, select_multiple, integer, decimal, text, date, calculate, note …
	List        string // choice list of select_one and select_multiple ("" otherwise)
	OrOther     bool   // the type ends in "or_other"
	Name        string
	Path        string // group names and the name, joined by "/": "consented/demographics/roster/ind_age"
	Repeat      string // name of the innermost repeat group, whose sheet holds the answers; "" for the main sheet
	Labels      []Label
	Hints       []Label // hint and hint::<language>
	Required    string
	Relevant    string
	Calculation string
	Constraint  string
	// ConstraintMessages are what the device says when an answer fails
	// the constraint: constraint_message and constraint_message::<language>.
	ConstraintMessages []Label
	Row                int // row in the survey sheet
}

// Group is a begin_group or begin_repeat row of the survey sheet: the
// questions whose Path starts with its Path sit in it.
type Group struct {
	Name   string
	Path   string // the enclosing groups' names and the name, joined by "/"
	Repeat bool   // a repeat group: its questions are answered once per member
	Labels []Label
	Row    int // row in the survey sheet
}

// Label is a label in one language; Lang is "" for a plain "label" column.
type Label struct {
	Lang string
	Text string
}

// Choice is one row of the choices sheet.
type Choice struct {
	List   string
	Name   string // the code exports hold
	Labels []Label
	Row    int
}

// ReadXLSForm reads an XLSForm: its survey sheet (type, name, label and
// label::<language>, required, relevant, calculation; begin_group,
// end_group, begin_repeat, end_repeat giving each question its group path
// and repeat), its choices sheet (list_name, name, labels) and its settings
// sheet. Columns are found by name in the first non-empty row, so extra
// columns, an empty first column and empty rows do no harm. Sheets and
// columns are found case-insensitively. Structural oddities (a question
// name used twice, an end_group with no group open, a list nobody defined)
// are warnings in Form.Problems.
func ReadXLSForm(path string) (*Form, error) {
	f, err := Open(path, xlsx.OpenOptions{})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if isText(f) {
		return nil, inputError(path, ErrNotXLSForm, hromada.T("XLSForm — це книга з аркушами survey і choices, а не файл CSV",
			"an XLSForm is a workbook with survey and choices sheets, not a CSV file"), formFileHint)
	}
	form := &Form{Path: path, Lists: map[string][]Choice{}, Settings: map[string]string{}, byName: map[string]*Question{}}
	if err := form.readSurvey(f); err != nil {
		return nil, err
	}
	if err := form.readChoices(f); err != nil {
		return nil, err
	}
	if err := form.readSettings(f); err != nil {
		return nil, err
	}
	form.checkLists()
	return form, nil
}

// hasSheet finds a sheet of f case-insensitively.
func hasSheet(f *xlsx.File, name string) (string, bool) {
	for _, s := range f.Sheets() {
		if strings.EqualFold(strings.TrimSpace(s), name) {
			return s, true
		}
	}
	return "", false
}

// formColumns is the header of a form sheet, as the check reads it
// ([formHeader]), with its label columns: "label", and "label::<language>"
// or, as older forms write it, "label:<language>".
type formColumns struct {
	formHeader
	labels []int    // label and label::<lang> columns
	langs  []string // their languages, "" for "label"
	// texts are the columns of the other texts in languages, by their
	// name: "hint" and "constraint_message".
	texts map[string]langColumns
}

// langColumns are the columns of one text in its languages.
type langColumns struct {
	cols  []int
	langs []string
}

// textColumns are the texts of a survey row besides its label that a form
// gives in languages.
var textColumns = []string{"hint", "constraint_message"}

func newFormColumns(header []string) formColumns {
	fc := formColumns{formHeader: newFormHeader(header), texts: map[string]langColumns{}}
	for i, key := range fc.lower {
		if lang, ok := fc.langOf(i, key, "label"); ok {
			fc.labels = append(fc.labels, i)
			fc.langs = append(fc.langs, lang)
			continue
		}
		for _, name := range textColumns {
			if lang, ok := fc.langOf(i, key, name); ok {
				lc := fc.texts[name]
				lc.cols, lc.langs = append(lc.cols, i), append(lc.langs, lang)
				fc.texts[name] = lc
			}
		}
	}
	return fc
}

// langOf reports whether column i, whose lower-case header is key, is the
// text name in a language: "name" ("" is its language), "name::<language>"
// or, as older forms write it, "name:<language>".
func (fc formColumns) langOf(i int, key, name string) (string, bool) {
	switch {
	case key == name:
		return "", true
	case strings.HasPrefix(key, name+":"):
		return strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(fc.cells[i])[len(name):], ":")), true
	}
	return "", false
}

// get returns the trimmed value of row in the column called name.
func (fc formColumns) get(row []string, name string) string { return cell(row, fc.col(name)) }

func (fc formColumns) labelsOf(row []string) []Label {
	return textsOf(row, fc.labels, fc.langs)
}

// textsOf returns the texts of row in the columns cols, whose languages
// are langs; an empty cell is no text.
func textsOf(row []string, cols []int, langs []string) []Label {
	var ls []Label
	for j, i := range cols {
		if v := strings.TrimSpace(row[i]); v != "" {
			ls = append(ls, Label{Lang: langs[j], Text: v})
		}
	}
	return ls
}

// textOf returns the texts of row in the columns of the text name
// ("hint", "constraint_message").
func (fc formColumns) textOf(row []string, name string) []Label {
	lc := fc.texts[name]
	return textsOf(row, lc.cols, lc.langs)
}

// group is an open begin_group or begin_repeat.
type group struct {
	name   string
	repeat bool
	row    int
}

// surveySheet opens the survey sheet of an XLSForm, which must have the
// columns type and name, and returns its name, its table (for the caller to
// close) and its columns.
func surveySheet(f *xlsx.File) (string, *xlsx.Table, formColumns, error) {
	sheet, ok := hasSheet(f, "survey")
	if !ok {
		return "", nil, formColumns{}, inputError(f.Path(), ErrNotXLSForm, hromada.T("у книзі немає аркуша «survey», тож це не XLSForm",
			"the workbook has no sheet \"survey\", so it is not an XLSForm"), formFileHint)
	}
	t, err := f.Table(sheet)
	if err != nil {
		return "", nil, formColumns{}, err
	}
	fc := newFormColumns(t.Header())
	for _, need := range []string{"type", "name"} {
		if fc.col(need) < 0 {
			e := inputError(f.Path(), ErrNotXLSForm, hromada.T("на аркуші survey немає стовпця %q", "the survey sheet has no column %q", need),
				hromada.T("перший непорожній рядок аркуша survey має містити назви стовпців: type, name, label …",
					"the first non-empty row of the survey sheet must name its columns: type, name, label …"))
			e.Sheet, e.Cell = sheet, fmt.Sprintf("row %d", t.HeaderLine())
			_ = t.Close() // read-only: the missing column is the error to report
			return "", nil, formColumns{}, e
		}
	}
	return sheet, t, fc, nil
}

// readSurvey reads the questions and groups of the survey sheet.
func (form *Form) readSurvey(f *xlsx.File) error {
	sheet, t, fc, err := surveySheet(f)
	if err != nil {
		return err
	}
	defer t.Close()
	form.Languages = fc.langs
	var stack []group
	warn := func(msg, hint hromada.Text) {
		p := t.Problem(fc.col("type"), msg, hint)
		p.Severity = hromada.Warning
		form.Problems = append(form.Problems, p)
	}
	for t.Next() {
		row := t.Row()
		typ, name := fc.get(row, "type"), fc.get(row, "name")
		if typ == "" {
			if name != "" {
				warn(hromada.T("у запитання %q немає типу (type)", "question %q has no type", name),
					hromada.T("вкажіть тип або видаліть рядок", "give it a type, or delete the row"))
			}
			continue
		}
		tp := ParseType(typ)
		base := tp.Base
		switch base {
		case "begin_group", "begin_repeat", "begin_loop":
			stack = append(stack, group{name: name, repeat: base == "begin_repeat", row: t.Line()})
			form.Groups = append(form.Groups, &Group{Name: name, Path: groupPath(stack), Repeat: base == "begin_repeat", Labels: fc.labelsOf(row), Row: t.Line()})
			continue
		case "end_group", "end_repeat", "end_loop":
			if len(stack) == 0 {
				warn(hromada.T("%s, хоча жодна група не відкрита", "%s with no group open", base),
					hromada.T("видаліть рядок або додайте begin_group, який він закриває", "delete the row, or add the begin_group it closes"))
				continue
			}
			if top := stack[len(stack)-1]; top.repeat != (base == "end_repeat") {
				kind := map[bool]hromada.Text{true: hromada.T("повтор", "repeat"), false: hromada.T("група", "group")}[top.repeat]
				warn(hromada.T("%s закриває %q, що відкривається в рядку %d як %s", "%s closes %q, opened on row %d as a %s", base, top.name, top.row, kind),
					hromada.T("закривайте групу рядком end_group, а повтор — рядком end_repeat", "close a group with end_group and a repeat with end_repeat"))
			}
			stack = stack[:len(stack)-1]
			continue
		}
		if name == "" {
			warn(hromada.T("у запитання типу %s немає назви (name)", "a %s question has no name", base),
				hromada.T("дайте йому назву: експорти беруть назви як заголовки стовпців", "give it a name, as exports use names as column headers"))
			continue
		}
		q := &Question{
			Type: base, List: tp.List(), OrOther: tp.OrOther(), Name: name, Labels: fc.labelsOf(row),
			Hints:    fc.textOf(row, "hint"),
			Required: fc.get(row, "required"), Relevant: fc.get(row, "relevant"),
			Calculation: fc.get(row, "calculation"), Constraint: fc.get(row, "constraint"),
			ConstraintMessages: fc.textOf(row, "constraint_message"), Row: t.Line(),
		}
		form.add(q, stack, warn)
	}
	if err := t.Err(); err != nil {
		return err
	}
	for _, g := range stack {
		p := hromada.Problem{Severity: hromada.Warning, File: f.Path(), Sheet: sheet, Cell: fmt.Sprintf("row %d", g.row),
			Msg: hromada.T("групу %q не закрито", "group %q is not closed", g.name), Hint: hromada.T("додайте рядок end_group (або end_repeat)", "add an end_group (or end_repeat) row")}
		form.Problems = append(form.Problems, p)
	}
	return nil
}

// groupPath is the path of the innermost open group: the names of the
// open groups, joined by "/".
func groupPath(stack []group) string {
	names := make([]string, len(stack))
	for i, g := range stack {
		names[i] = g.name
	}
	return strings.Join(names, "/")
}

// add places q in the open groups of stack (its Path and Repeat) and
// adds it to the form, warning when its name is taken.
func (form *Form) add(q *Question, stack []group, warn func(msg, hint hromada.Text)) {
	path := make([]string, 0, len(stack)+1)
	for _, g := range stack {
		path = append(path, g.name)
		if g.repeat {
			q.Repeat = g.name
		}
	}
	q.Path = strings.Join(append(path, q.Name), "/")
	if prev, dup := form.byName[q.Name]; dup {
		warn(hromada.T("назву запитання %q використано двічі: у рядках %d і %d", "question name %q is used twice, on rows %d and %d", q.Name, prev.Row, q.Row),
			hromada.T("дайте кожному запитанню власну назву: в експорті їх не розрізнити", "give each question its own name; exports cannot tell the two apart"))
	} else {
		form.byName[q.Name] = q
	}
	form.Questions = append(form.Questions, q)
}

// optionalSheet opens a sheet a form may leave out or leave empty: nil
// and no error when it does.
func optionalSheet(f *xlsx.File, name string) (*xlsx.Table, error) {
	sheet, ok := hasSheet(f, name)
	if !ok {
		return nil, nil
	}
	t, err := f.Table(sheet)
	if errors.Is(err, xlsx.ErrEmpty) {
		return nil, nil
	}
	return t, err
}

func (form *Form) readChoices(f *xlsx.File) error {
	t, err := optionalSheet(f, "choices")
	if t == nil {
		return err
	}
	defer t.Close()
	fc := newFormColumns(t.Header())
	nameCol := "name"
	if fc.col("name") < 0 {
		nameCol = "value" // older forms
	}
	for t.Next() {
		row := t.Row()
		list, name := fc.get(row, "list_name"), fc.get(row, nameCol)
		if list == "" && name == "" {
			continue
		}
		form.Lists[list] = append(form.Lists[list], Choice{List: list, Name: name, Labels: fc.labelsOf(row), Row: t.Line()})
	}
	for _, l := range fc.langs {
		if !slices.Contains(form.Languages, l) {
			form.Languages = append(form.Languages, l)
		}
	}
	return t.Err()
}

func (form *Form) readSettings(f *xlsx.File) error {
	t, err := optionalSheet(f, "settings")
	if t == nil {
		return err
	}
	defer t.Close()
	if t.Next() {
		for i, h := range t.Header() {
			if h = strings.TrimSpace(h); h != "" {
				form.Settings[strings.ToLower(h)] = strings.TrimSpace(t.Row()[i])
			}
		}
	}
	return t.Err()
}

// checkLists warns about select questions whose list is not in the choices
// sheet.
func (form *Form) checkLists() {
	for _, q := range form.Questions {
		if (q.Type == "select_one" || q.Type == "select_multiple") && q.List != "" {
			if _, ok := form.Lists[q.List]; !ok {
				form.Problems = append(form.Problems, hromada.Problem{
					Severity: hromada.Warning, File: form.Path, Sheet: "survey", Cell: fmt.Sprintf("row %d", q.Row),
					Msg: hromada.T("запитання %q використовує список варіантів %q, якого немає на аркуші choices",
						"question %q uses choice list %q, which the choices sheet does not have", q.Name, q.List),
					Hint: hromada.T("додайте список на аркуш choices або виправте його назву в типі", "add the list to the choices sheet, or correct its name in the type"),
				})
			}
		}
	}
}

// Question returns the question of a name: exactly, else in any case.
func (form *Form) Question(name string) (*Question, bool) {
	if q, ok := form.byName[name]; ok {
		return q, true
	}
	for _, q := range form.Questions {
		if strings.EqualFold(q.Name, name) {
			return q, true
		}
	}
	return nil, false
}

// Repeats returns the names of the repeat groups, in order: the sheets of
// an export besides the main one.
func (form *Form) Repeats() []string {
	var names []string
	for _, q := range form.Questions {
		if q.Repeat != "" && !slices.Contains(names, q.Repeat) {
			names = append(names, q.Repeat)
		}
	}
	return names
}

// Choice returns the choice of a code in a list.
func (form *Form) Choice(list, code string) (Choice, bool) {
	for _, c := range form.Lists[list] {
		if c.Name == code {
			return c, true
		}
	}
	return Choice{}, false
}

// ChoiceLabel returns the label of a choice code in lang (see [LabelIn]);
// false when the list has no such code.
func (form *Form) ChoiceLabel(list, code, lang string) (string, bool) {
	c, ok := form.Choice(list, code)
	if !ok {
		return "", false
	}
	return LabelIn(c.Labels, lang, form.Settings["default_language"]), true
}

// Label returns the question's label in lang (see [LabelIn]), or its name
// when it has no label.
func (q *Question) Label(lang, defaultLang string) string {
	if l := LabelIn(q.Labels, lang, defaultLang); l != "" {
		return l
	}
	return q.Name
}

// LabelIn picks the label in lang from labels. A language matches exactly,
// in any case, by the code in brackets ("en" matches "English (en)") or by
// the name before them ("english" matches "English (en)"). When none does,
// it falls back to defaultLang, then to the plain label column, then to the
// first label. No labels: "".
func LabelIn(labels []Label, lang, defaultLang string) string {
	for _, want := range []string{lang, defaultLang} {
		if want == "" {
			continue
		}
		for _, l := range labels {
			if langMatches(l.Lang, want) {
				return l.Text
			}
		}
	}
	for _, l := range labels {
		if l.Lang == "" {
			return l.Text
		}
	}
	if len(labels) > 0 {
		return labels[0].Text
	}
	return ""
}

func langMatches(have, want string) bool {
	have, want = strings.ToLower(strings.TrimSpace(have)), strings.ToLower(strings.TrimSpace(want))
	if have == want {
		return true
	}
	if i := strings.LastIndexByte(have, '('); i >= 0 && strings.HasSuffix(have, ")") {
		code, name := have[i+1:len(have)-1], strings.TrimSpace(have[:i])
		return code == want || name == want
	}
	return false
}

// Names maps the headers of a label export (KoboToolbox's "Labels" header
// format) to the question names an export with XML values and headers
// has: a question's label, in any of the form's languages, with or
// without its group labels in front, becomes its path; "question
// label/choice label" of a select_multiple becomes "path/choice". A header
// no label matches, or one that two questions share, is kept as it is.
// mapped counts the headers renamed.
func (form *Form) Names(header []string) (names []string, mapped int) {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	questions := map[string]*Question{}
	ambiguous := map[string]bool{}
	for _, q := range form.Questions {
		seen := map[string]bool{}
		for _, l := range q.Labels {
			k := norm(l.Text)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			if questions[k] != nil {
				ambiguous[k] = true
			}
			questions[k] = q
		}
	}
	question := func(label string) *Question {
		k := norm(label)
		if ambiguous[k] {
			return nil
		}
		return questions[k]
	}
	choice := func(q *Question, label string) (string, bool) {
		k := norm(label)
		for _, c := range form.Lists[q.List] {
			for _, l := range c.Labels {
				if norm(l.Text) == k {
					return c.Name, true
				}
			}
			if c.Name == strings.TrimSpace(label) {
				return c.Name, true
			}
		}
		return "", false
	}
	names = make([]string, len(header))
	for i, h := range header {
		names[i] = h
		if q := question(h); q != nil {
			names[i], mapped = q.Path, mapped+1
			continue
		}
		// An option column first: its choice's label may be a question's
		// label too.
		segs := strings.Split(h, "/")
		done := false
		for start := 0; start < len(segs)-1 && !done; start++ {
			q := question(strings.Join(segs[start:len(segs)-1], "/"))
			if q == nil || q.Type != "select_multiple" {
				continue
			}
			if c, ok := choice(q, segs[len(segs)-1]); ok {
				names[i], mapped, done = q.Path+"/"+c, mapped+1, true
			}
		}
		for start := 1; start < len(segs) && !done; start++ {
			if q := question(strings.Join(segs[start:], "/")); q != nil {
				names[i], mapped, done = q.Path, mapped+1, true
			}
		}
	}
	return names, mapped
}

// ChoiceName returns the code of the choice of list whose label, in any
// language, or code is s (case and spacing aside), as a label export
// writes a select_one answer.
func (form *Form) ChoiceName(list, s string) (string, bool) {
	k := strings.ToLower(strings.Join(strings.Fields(s), " "))
	for _, c := range form.Lists[list] {
		if strings.EqualFold(c.Name, strings.TrimSpace(s)) {
			return c.Name, true
		}
		for _, l := range c.Labels {
			if strings.ToLower(strings.Join(strings.Fields(l.Text), " ")) == k {
				return c.Name, true
			}
		}
	}
	return "", false
}
