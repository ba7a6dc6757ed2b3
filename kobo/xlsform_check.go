package kobo

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/xlsx"
)

// CheckXLSFormFile reads the XLSForm at path and checks its structure with
// [CheckXLSForm]. The error is for a file that cannot be read at all; what
// is wrong inside it comes back as problems.
func CheckXLSFormFile(path string) (hromada.Problems, error) {
	sheets, err := xlsx.ReadSheets(path)
	if err != nil {
		return nil, err
	}
	return CheckXLSForm(path, sheets), nil
}

// CheckXLSForm checks the structure of an XLSForm given as the text of its
// sheets, row by row from line 1 (as [xlsx.ReadSheets] returns them),
// and returns every problem found, located by file, sheet and cell. file is
// only used in the problems.
//
// It checks what makes KoboToolbox (pyxform) refuse a form or hromada
// misread its export: a survey sheet with type and name columns and a label
// column; every question named, with a valid XML name used once in the
// form; every select list defined in the choices sheet; choice names unique
// within their list and without spaces; groups and repeats opened and
// closed in order; calculations present for calculate rows; ${name}
// references to questions that exist; a valid form_id. Language columns
// without a language code, a default_language that no column uses and
// unknown question types are warnings.
//
// It does not evaluate expressions: a relevant or constraint that is
// wrong XPath is left to KoboToolbox.
func CheckXLSForm(file string, sheets map[string][][]string) hromada.Problems {
	c := &formCheck{file: file, names: map[string]string{}, lowerNames: map[string]string{}}
	survey, surveyName, ok := findSheet(sheets, "survey")
	if !ok {
		c.add(hromada.Error, "", "", hromada.T("у книзі немає аркуша survey", "the workbook has no sheet named survey"),
			hromada.T("XLSForm потребує аркуша survey із запитаннями та аркуша choices з варіантами відповідей",
				"an XLSForm needs a survey sheet with the questions and a choices sheet with the answer options"))
		return c.ps
	}
	c.survey(surveyName, survey)
	choices, choicesName, ok := findSheet(sheets, "choices")
	if ok {
		c.choices(choicesName, choices)
	} else if len(c.uses) > 0 {
		c.add(hromada.Error, "", "", hromada.T("у книзі немає аркуша choices, а запитання з вибором посилаються на списки",
			"the workbook has no sheet named choices, but select questions refer to lists"),
			hromada.T("додайте аркуш choices зі стовпцями list_name, name і label", "add a choices sheet with the columns list_name, name and label"))
	}
	c.lists(choicesName)
	if settings, name, ok := findSheet(sheets, "settings"); ok {
		c.settings(name, settings)
	}
	return c.ps
}

// formCheck collects the problems of one form and what later checks need.
type formCheck struct {
	file       string
	ps         hromada.Problems
	names      map[string]string // question name → cell where first named
	lowerNames map[string]string // lower-case name → name
	refs       []formRef         // ${name} references, checked once all names are known
	uses       []listUse         // select lists the questions use
	defined    map[string]bool   // lists defined in the choices sheet
	spaced     map[string]string // list → cell of a choice name with a space
	langs      map[string]bool   // languages of the label and hint columns
}

type formRef struct{ sheet, cell, column, name string }

// Hints that several checks give.
var (
	surveyColumnsHint  = hromada.T("перший рядок містить назви стовпців: type, name, label", "the first row names the columns: type, name, label")
	choicesColumnsHint = hromada.T("перший рядок містить назви стовпців: list_name, name, label", "the first row names the columns: list_name, name, label")
	xmlNameHint        = hromada.T("почніть із літери або _, далі — літери, цифри, _, - або . (без пробілів)",
		"start with a letter or _, then use letters, digits, _, - or . (no spaces)")
)

type listUse struct {
	sheet, cell, list string
}

func (c *formCheck) add(sev hromada.Severity, sheet, cell string, msg, hint hromada.Text) {
	c.ps = append(c.ps, hromada.Problem{Severity: sev, File: c.file, Sheet: sheet, Cell: cell, Msg: msg, Hint: hint})
}

// findSheet finds a sheet by name, ignoring case as pyxform does.
func findSheet(sheets map[string][][]string, name string) ([][]string, string, bool) {
	if rows, ok := sheets[name]; ok {
		return rows, name, true
	}
	keys := make([]string, 0, len(sheets))
	for k := range sheets {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if strings.EqualFold(strings.TrimSpace(k), name) {
			return sheets[k], k, true
		}
	}
	return nil, "", false
}

// formHeader is the header row of an XLSForm sheet.
type formHeader struct {
	cells []string // as written
	lower []string // trimmed, lower case
}

func newFormHeader(row []string) formHeader {
	h := formHeader{cells: row, lower: make([]string, len(row))}
	for i, s := range row {
		h.lower[i] = strings.ToLower(strings.TrimSpace(s))
	}
	return h
}

// col returns the index of the first column named one of names, or -1.
func (h formHeader) col(names ...string) int {
	for i, s := range h.lower {
		for _, n := range names {
			if s == n {
				return i
			}
		}
	}
	return -1
}

// translated returns the columns of a translatable column: "label" and
// every "label::Language (xx)".
func (h formHeader) translated(base string) []int {
	var cols []int
	for i, s := range h.lower {
		if s == base || strings.HasPrefix(s, base+"::") {
			cols = append(cols, i)
		}
	}
	return cols
}

// cell returns the trimmed text of row r in column col ("" when absent).
func cell(r []string, col int) string {
	if col < 0 || col >= len(r) {
		return ""
	}
	return strings.TrimSpace(r[col])
}

// ref returns the A1 reference of column col (0-based) on line (1-based).
func ref(col, line int) string {
	return xlsx.ColumnName(col) + strconv.Itoa(line)
}

func blankRow(r []string) bool {
	for _, s := range r {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

// knownTypes are the XLSForm question types besides selects, groups and
// repeats (https://xlsform.org, question types and metadata).
var knownTypes = map[string]bool{
	"text": true, "integer": true, "decimal": true, "range": true, "note": true,
	"geopoint": true, "geotrace": true, "geoshape": true, "date": true, "time": true,
	"datetime": true, "image": true, "audio": true, "background-audio": true, "video": true,
	"file": true, "barcode": true, "calculate": true, "acknowledge": true, "hidden": true,
	"xml-external": true, "csv-external": true, "start": true, "end": true, "today": true,
	"deviceid": true, "phonenumber": true, "username": true, "email": true, "simserial": true,
	"subscriberid": true, "audit": true, "start-geopoint": true, "trigger": true,
}

// unlabelled are the types that need no label: metadata, calculations and
// structure.
var unlabelled = map[string]bool{
	"calculate": true, "hidden": true, "start": true, "end": true, "today": true,
	"deviceid": true, "phonenumber": true, "username": true, "email": true, "simserial": true,
	"subscriberid": true, "audit": true, "start-geopoint": true, "xml-external": true,
	"csv-external": true, "begin_group": true, "begin_repeat": true, "end_group": true, "end_repeat": true,
	"begin_loop": true, "end_loop": true,
}

var refPattern = regexp.MustCompile(`\$\{([^}]*)\}`)

// refColumns are the survey columns whose ${name} references are checked.
var refColumns = []string{"relevant", "calculation", "constraint", "required", "choice_filter", "default", "repeat_count", "readonly"}

type openGroup struct {
	kind, name, cell string
}

func (c *formCheck) survey(sheet string, rows [][]string) {
	if len(rows) == 0 || blankRow(rows[0]) {
		c.add(hromada.Error, sheet, "", hromada.T("аркуш survey порожній", "the survey sheet is empty"), surveyColumnsHint)
		return
	}
	h := newFormHeader(rows[0])
	typeCol, nameCol := h.col("type"), h.col("name")
	labels := h.translated("label")
	c.languages(sheet, h)
	if typeCol < 0 {
		c.add(hromada.Error, sheet, "row 1", hromada.T("на аркуші survey немає стовпця type", "the survey sheet has no type column"), surveyColumnsHint)
		return
	}
	if nameCol < 0 {
		c.add(hromada.Error, sheet, "row 1", hromada.T("на аркуші survey немає стовпця name", "the survey sheet has no name column"),
			hromada.T("додайте стовпець name: назву кожного запитання, яка стає його стовпцем в експорті",
				"add a column named name: the name of each question, which becomes its column in the export"))
	}
	if len(labels) == 0 {
		c.add(hromada.Error, sheet, "row 1", hromada.T("на аркуші survey немає стовпця label", "the survey sheet has no label column"),
			hromada.T("додайте стовпець label або по стовпцю label::Мова (код) на кожну мову, напр. label::Українська (uk)",
				"add a column label, or label::Language (code) per language, e.g. label::English (en)"))
	}
	var stack []openGroup
	for i, r := range rows[1:] {
		line := i + 2
		typ := cell(r, typeCol)
		if typ == "" {
			if !blankRow(r) {
				c.add(hromada.Error, sheet, ref(typeCol, line), hromada.T("у рядку немає типу (type)", "the row has no type"),
					hromada.T("напишіть тип запитання (text, integer, select_one СПИСОК …) або видаліть рядок",
						"write the question type (text, integer, select_one LIST …) or delete the row"))
			}
			continue
		}
		typeRef := ref(typeCol, line)
		tp := ParseType(typ)
		base := tp.Base
		name := cell(r, nameCol)
		switch base {
		case "begin_group", "begin_repeat", "begin_loop":
			stack = append(stack, openGroup{base, name, typeRef})
		case "end_group", "end_repeat", "end_loop":
			if len(stack) == 0 {
				c.add(hromada.Error, sheet, typeRef, hromada.T("%s без begin_group чи begin_repeat вище", "%s without a begin_group or begin_repeat above it", base),
					hromada.T("видаліть рядок або додайте рядок begin там, де група починається", "delete the row, or add the begin row where the group starts"))
				continue
			}
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if want := "end_" + strings.TrimPrefix(top.kind, "begin_"); base != want {
				c.add(hromada.Error, sheet, typeRef,
					hromada.T("%s закриває %s %q (початок у %s)", "%s closes %s %q begun at %s", base, top.kind, top.name, top.cell),
					hromada.T("закривайте групи рядком end_group, а повтори — рядком end_repeat, спершу найглибші",
						"close groups with end_group and repeats with end_repeat, innermost first"))
			}
			continue
		default:
			c.questionType(sheet, typeRef, typ, tp)
		}
		c.question(sheet, h, r, line, base, name)
	}
	for i := len(stack) - 1; i >= 0; i-- {
		g := stack[i]
		c.add(hromada.Error, sheet, g.cell, hromada.T("%s %q ніде не закрито", "%s %q is never closed", g.kind, g.name),
			hromada.T("додайте рядок end_%s після останнього запитання групи", "add an end_%s row after its last question", strings.TrimPrefix(g.kind, "begin_")))
	}
	for _, r := range c.refs {
		if _, ok := c.names[r.name]; !ok {
			c.add(hromada.Error, r.sheet, r.cell, hromada.T("%s посилається на ${%s}, але такого запитання у формі немає",
				"%s refers to ${%s}, which is not a question of the form", r.column, r.name),
				hromada.T("виправте назву всередині ${…}", "correct the name inside ${…}"))
		}
	}
}

// question checks a question row r on line of the survey sheet with header
// h: its name, its label, its calculation, and the ${name} references it
// makes (checked once all names are known).
func (c *formCheck) question(sheet string, h formHeader, r []string, line int, base, name string) {
	typeCol, nameCol, calcCol := h.col("type"), h.col("name"), h.col("calculation")
	labels := h.translated("label")
	if nameCol >= 0 {
		c.name(sheet, base, name, ref(nameCol, line))
	}
	if !unlabelled[base] && len(labels) > 0 && !anyCell(r, labels) {
		c.add(hromada.Error, sheet, ref(labels[0], line), hromada.T("у запитання %q немає тексту (label)", "question %q has no label", name),
			hromada.T("напишіть текст запитання у стовпцях label", "write the question text in the label columns"))
	}
	if base == "calculate" && cell(r, calcCol) == "" {
		col := calcCol
		if col < 0 {
			col = typeCol
		}
		c.add(hromada.Error, sheet, ref(col, line), hromada.T("у calculate %q немає обчислення (calculation)", "calculate %q has no calculation", name),
			hromada.T("напишіть вираз у стовпці calculation", "write the expression in the calculation column"))
	}
	for _, rc := range refColumns {
		col := h.col(rc)
		for _, m := range refPattern.FindAllStringSubmatch(cell(r, col), -1) {
			c.refs = append(c.refs, formRef{sheet, ref(col, line), rc, m[1]})
		}
	}
}

// questionType checks the type typ of a question, tp as [ParseType] reads
// it: a select names one list (or_other may follow), which it records for
// [formCheck.lists]; other types are ones XLSForm knows.
func (c *formCheck) questionType(sheet, typeRef, typ string, tp Type) {
	switch base := tp.Base; base {
	case "select_one", "select_multiple", "rank":
		if len(tp.Args) == 0 {
			c.add(hromada.Error, sheet, typeRef, hromada.T("у %s немає назви списку", "%s has no list name", base),
				hromada.T("напишіть тип як %s СПИСОК, де СПИСОК — це list_name з аркуша choices",
					"write the type as %s LIST, where LIST is a list_name of the choices sheet", base))
			return
		}
		c.uses = append(c.uses, listUse{sheet, typeRef, tp.List()})
		if tp.ExtraArgs() {
			c.add(hromada.Error, sheet, typeRef, hromada.T("у типі %q після назви списку є ще слова", "type %q has words after the list name", typ),
				hromada.T("напишіть %[1]s СПИСОК або %[1]s СПИСОК or_other", "write %[1]s LIST, or %[1]s LIST or_other", base))
		}
	case "select_one_from_file", "select_multiple_from_file", "select_one_external":
	default:
		if !knownTypes[base] {
			c.add(hromada.Warning, sheet, typeRef, hromada.T("тип %q — не той тип запитання XLSForm, який знає hromada",
				"type %q is not an XLSForm question type hromada knows", typ),
				hromada.T("KoboToolbox може не прийняти форму; типи описано на https://xlsform.org",
					"KoboToolbox may refuse the form; see https://xlsform.org for the types"))
		}
	}
}

// name checks a question's or group's name: present, a valid XML name,
// used once.
func (c *formCheck) name(sheet, base, name, cellRef string) {
	if name == "" {
		c.add(hromada.Error, sheet, cellRef, hromada.T("у %s немає назви (name)", "%s has no name", base),
			hromada.T("дайте назву: літери, цифри і _, на початку літера; вона стає стовпцем експорту",
				"give it a name: letters, digits and _, starting with a letter; it becomes the column of the export"))
		return
	}
	if !ValidXMLName(name) {
		c.add(hromada.Error, sheet, cellRef, hromada.T("назва %q — недійсна назва XML", "name %q is not a valid XML name", name), xmlNameHint)
		return
	}
	if first, dup := c.names[name]; dup {
		c.add(hromada.Error, sheet, cellRef, hromada.T("назву %q використано вдруге (уперше в %s)", "name %q is used again (first at %s)", name, first),
			hromada.T("кожне запитання і кожна група потребують власної назви: вона стає стовпцем експорту",
				"every question and group needs a name of its own: it becomes a column of the export"))
		return
	}
	c.names[name] = cellRef
	low := strings.ToLower(name)
	if other, dup := c.lowerNames[low]; dup {
		c.add(hromada.Warning, sheet, cellRef, hromada.T("назва %q відрізняється від %q лише регістром літер", "name %q differs from %q only in case", name, other),
			hromada.T("програми електронних таблиць і R вважають такі стовпці однаковими; перейменуйте один",
				"spreadsheet programs and R treat such columns as the same; rename one"))
		return
	}
	c.lowerNames[low] = name
}

func anyCell(r []string, cols []int) bool {
	for _, col := range cols {
		if cell(r, col) != "" {
			return true
		}
	}
	return false
}

func (c *formCheck) choices(sheet string, rows [][]string) {
	c.defined, c.spaced = map[string]bool{}, map[string]string{}
	if len(rows) == 0 || blankRow(rows[0]) {
		c.add(hromada.Error, sheet, "", hromada.T("аркуш choices порожній", "the choices sheet is empty"), choicesColumnsHint)
		return
	}
	h := newFormHeader(rows[0])
	c.languages(sheet, h)
	listCol, nameCol, labels := h.col("list_name", "list name"), h.col("name"), h.translated("label")
	if listCol < 0 || nameCol < 0 {
		c.add(hromada.Error, sheet, "row 1", hromada.T("аркуш choices потребує стовпців list_name і name", "the choices sheet needs the columns list_name and name"),
			choicesColumnsHint)
		return
	}
	seen := map[string]string{} // list + "\x00" + name → cell
	for i, r := range rows[1:] {
		line := i + 2
		list, name := cell(r, listCol), cell(r, nameCol)
		if blankRow(r) {
			continue
		}
		if list == "" {
			c.add(hromada.Error, sheet, ref(listCol, line), hromada.T("у варіанта немає list_name", "the choice has no list_name"),
				hromada.T("напишіть назву списку, до якого належить варіант", "write the name of the list the choice belongs to"))
			continue
		}
		c.defined[list] = true
		nameRef := ref(nameCol, line)
		if name == "" {
			c.add(hromada.Error, sheet, nameRef, hromada.T("у варіанта списку %q немає назви (name)", "a choice of list %q has no name", list),
				hromada.T("напишіть код варіанта так, як він буде в експорті", "write the choice's code, as it will appear in the export"))
			continue
		}
		if strings.ContainsFunc(name, unicode.IsSpace) {
			c.add(hromada.Error, sheet, nameRef, hromada.T("у назві варіанта %q списку %q є пробіл", "choice name %q of list %q has a space", name, list),
				hromada.T("пишіть замість нього _: відповіді на запитання select_multiple розділяються пробілами",
					"write _ instead: answers of select_multiple questions are separated by spaces"))
			if _, ok := c.spaced[list]; !ok {
				c.spaced[list] = nameRef
			}
		}
		key := list + "\x00" + name
		if first, dup := seen[key]; dup {
			c.add(hromada.Error, sheet, nameRef, hromada.T("варіант %q двічі трапляється у списку %q (уперше в %s)",
				"choice %q appears twice in list %q (first at %s)", name, list, first),
				hromada.T("кожен варіант списку потребує власної назви", "each choice of a list needs a name of its own"))
			continue
		}
		seen[key] = nameRef
		if len(labels) > 0 && !anyCell(r, labels) {
			c.add(hromada.Warning, sheet, ref(labels[0], line), hromada.T("у варіанта %q списку %q немає тексту (label)", "choice %q of list %q has no label", name, list),
				hromada.T("напишіть текст, який бачить інтерв'юер", "write the text the enumerator sees"))
		}
	}
}

// lists checks that every list a question uses is defined.
func (c *formCheck) lists(choicesSheet string) {
	if choicesSheet == "" {
		return
	}
	for _, u := range c.uses {
		if !c.defined[u.list] {
			c.add(hromada.Error, u.sheet, u.cell, hromada.T("списку %q немає на аркуші choices", "list %q is not defined in the choices sheet", u.list),
				hromada.T("додайте рядки з list_name %s на аркуш %s або виправте назву списку",
					"add rows with list_name %s to the %s sheet, or correct the list name", u.list, choicesSheet))
		}
	}
}

func (c *formCheck) settings(sheet string, rows [][]string) {
	if len(rows) < 2 {
		return
	}
	h := newFormHeader(rows[0])
	if col := h.col("form_id"); col >= 0 {
		if id := cell(rows[1], col); id != "" && !ValidXMLName(id) {
			c.add(hromada.Error, sheet, ref(col, 2), hromada.T("form_id %q — недійсна назва XML", "form_id %q is not a valid XML name", id), xmlNameHint)
		}
	}
	if col := h.col("default_language"); col >= 0 {
		if dl := cell(rows[1], col); dl != "" && len(c.langs) > 0 && !c.langs[dl] {
			var have []string
			for l := range c.langs {
				have = append(have, l)
			}
			sort.Strings(have)
			c.add(hromada.Warning, sheet, ref(col, 2), hromada.T("default_language %q — не мова стовпців label", "default_language %q is not a language of the label columns", dl),
				hromada.T("вкажіть одну з: %s", "use one of: %s", strings.Join(have, ", ")))
		}
	}
}

var langCode = regexp.MustCompile(`^\S.* \([A-Za-z]{2,3}(-[A-Za-z0-9]+)*\)$`)

// translatable are the columns a language suffix may follow.
var translatable = []string{"label", "hint", "constraint_message", "required_message", "guidance_hint", "image", "audio", "video"}

// languages records the languages of a sheet's translated columns and
// warns about a language without a code, and about a plain label column
// next to translated ones (pyxform then leaves the plain one out).
func (c *formCheck) languages(sheet string, h formHeader) {
	if c.langs == nil {
		c.langs = map[string]bool{}
	}
	warned := map[string]bool{}
	for i, s := range h.cells {
		base, lang, ok := strings.Cut(strings.TrimSpace(s), "::")
		if !ok || !slices.Contains(translatable, strings.ToLower(base)) {
			continue
		}
		lang = strings.TrimSpace(lang)
		c.langs[lang] = true
		if !langCode.MatchString(lang) && !warned[lang] {
			warned[lang] = true
			c.add(hromada.Warning, sheet, ref(i, 1), hromada.T("у мови %q немає коду мови", "language %q has no language code", lang),
				hromada.T("пишіть її як Назва (код), напр. %s::Українська (uk)", "write it as Name (code), e.g. %s::English (en)", base))
		}
	}
	if plain := h.col("label"); plain >= 0 && len(h.translated("label")) > 1 {
		c.add(hromada.Warning, sheet, ref(plain, 1), hromada.T("стовпець label без мови стоїть поряд зі стовпцями перекладів",
			"a label column without a language sits next to translated ones"),
			hromada.T("вкажіть для нього мову (label::Мова (код)); інакше KoboToolbox його пропустить",
				"give it a language (label::Language (code)); KoboToolbox would leave it out"))
	}
}

// ValidXMLName reports whether s can name a question, a group or a form:
// an XML name without a colon, which starts with a letter or _ and goes on
// with letters, digits, _, - and . (as pyxform requires).
func ValidXMLName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_' || unicode.IsLetter(r):
		case i > 0 && (r == '-' || r == '.' || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc)):
		default:
			return false
		}
	}
	return true
}
