package kobo

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/xlsx"
)

// Causes of errors in finding columns.
var (
	ErrNoColumn  = errors.New("no such column")
	ErrAmbiguous = errors.New("several columns match")
	// ErrNotChoice: a select_multiple 0/1 column holds something else.
	ErrNotChoice = errors.New("not 0 or 1")
)

// Columns finds the columns of a header by the names of survey fields, with
// the rules of KoboToolbox and ODK exports and of the R scripts that pass
// them on (METHODS §1.6). See [Columns.Lookup].
type Columns struct {
	names []string
	keys  []colKey
}

// colKey holds a header name in the forms Lookup compares.
type colKey struct {
	fold  string   // trimmed, without byte-order mark, lower case
	loose string   // fold, without R's prefixes, with / . - : and space as /
	segs  []string // loose, cut at group separators
	path  string   // segs joined with /
	tail  string   // the last segment, in the header's own case
	dummy bool     // a select_multiple option column: its prefix is a column too
}

// NewColumns prepares a header for lookups.
func NewColumns(header []string) *Columns {
	c := &Columns{names: header, keys: make([]colKey, len(header))}
	paths := map[string]bool{}
	for i, h := range header {
		k := &c.keys[i]
		k.fold = fold(h)
		k.loose = loose(h)
		k.segs, k.tail = segments(h)
		k.path = strings.Join(k.segs, "/")
		if k.path != "" {
			paths[k.path] = true
		}
	}
	for i := range c.keys {
		k := &c.keys[i]
		if len(k.segs) > 1 && paths[strings.Join(k.segs[:len(k.segs)-1], "/")] {
			k.dummy = true
		}
	}
	return c
}

// Names returns the header.
func (c *Columns) Names() []string { return c.names }

func fold(s string) string {
	return strings.ToLower(strings.TrimSpace(strings.TrimPrefix(s, "\uFEFF")))
}

// demangle removes what R and mis-read encodings add to the front of a
// name: a byte-order mark read as "X.U.FEFF." or "ï..", or make.names's "X"
// before a name starting with "_" or a digit.
func demangle(s string) string {
	s = strings.TrimSpace(strings.TrimPrefix(s, "\uFEFF"))
	for _, p := range []string{"X.U.FEFF.", "ï»¿", "ï..", "ï.", "X.."} {
		if strings.HasPrefix(s, p) {
			s = s[len(p):]
			break
		}
	}
	if len(s) > 1 && s[0] == 'X' && (s[1] == '_' || s[1] >= '0' && s[1] <= '9') {
		s = s[1:]
	}
	return s
}

func loose(s string) string {
	s = strings.ToLower(demangle(s))
	s = strings.Map(func(r rune) rune {
		switch r {
		case '/', '.', '-', ':', ' ':
			return '/'
		}
		return r
	}, s)
	return strings.Trim(s, "/")
}

// segments cuts a header at its group separators: "/" as Kobo writes
// them, or "." as R writes them when the name has no "/" and no space.
func segments(h string) (segs []string, tail string) {
	h = demangle(h)
	sep := "/"
	if !strings.Contains(h, "/") && !strings.Contains(h, " ") {
		sep = "."
	}
	parts := strings.Split(h, sep)
	segs = make([]string, 0, len(parts))
	for _, p := range parts {
		if p = loose(p); p != "" {
			segs = append(segs, p)
		}
	}
	return segs, strings.TrimSpace(parts[len(parts)-1])
}

// Find returns the column of name, counted from 0, as [Columns.Lookup]
// does; false when there is none or more than one.
func (c *Columns) Find(name string) (int, bool) {
	col, err := c.Lookup(name)
	return col, err == nil
}

// Lookup returns the column of a field name, trying, in order, and taking
// the first rule that gives a single column:
//
//  1. the name exactly, but for surrounding spaces, which no one sees;
//  2. the name in any case, with surrounding spaces and a byte-order mark
//     ignored;
//  3. the name with R's changes undone: "X_uuid" is "_uuid",
//     "X.U.FEFF.start" is "start", and "group.q" is "group/q";
//  4. the name as the end of a group path: "q" finds "group/sub/q", and
//     "sub/q" finds it too; select_multiple option columns ("q/opt") are
//     found this way only by a name that includes the question.
//
// When a rule gives several columns the result is an [*xlsx.InputError] with
// ErrAmbiguous naming them; when no rule gives any, ErrNoColumn.
func (c *Columns) Lookup(name string) (int, error) {
	wantTrim, wantFold, wantLoose := strings.TrimSpace(name), fold(name), loose(name)
	wantSegs, _ := segments(name)
	rules := []func(i int) bool{
		func(i int) bool { return strings.TrimSpace(c.names[i]) == wantTrim },
		func(i int) bool { return c.keys[i].fold == wantFold },
		func(i int) bool { return c.keys[i].loose == wantLoose },
		func(i int) bool {
			k := c.keys[i]
			if len(wantSegs) == 0 || len(k.segs) <= len(wantSegs) || (k.dummy && len(wantSegs) < 2) {
				return false
			}
			tail := k.segs[len(k.segs)-len(wantSegs):]
			for j := range tail {
				if tail[j] != wantSegs[j] {
					return false
				}
			}
			return true
		},
	}
	if wantFold == "" {
		return -1, c.noColumn(name)
	}
	for _, match := range rules {
		var found []int
		for i := range c.names {
			if match(i) {
				found = append(found, i)
			}
		}
		switch len(found) {
		case 0:
			continue
		case 1:
			return found[0], nil
		}
		cells := make([]string, len(found))
		for j, i := range found {
			cells[j] = fmt.Sprintf("%s %q", xlsx.ColumnName(i), c.names[i])
		}
		return -1, inputError("", ErrAmbiguous,
			hromada.T("назві %[2]q відповідають %[1]d %[4]s: %[3]s", "%[1]d columns match %[2]q: %[3]s", len(found), name, strings.Join(cells, ", "),
				xlsx.PluralUK(len(found), "стовпець", "стовпці", "стовпців")),
			hromada.T("перейменуйте стовпці так, щоб кожна назва траплялася один раз, або вкажіть повну назву зі шляхом групи",
				"rename the columns so that one name is used once, or ask for the full name with its group path"))
	}
	return -1, c.noColumn(name)
}

// noColumn says a column is missing, and which names come close.
func (c *Columns) noColumn(name string) error {
	want := loose(name)
	var near []string
	for i, k := range c.keys {
		// The question's own name, without its group path, is compared
		// too: "neds" comes close to "service_needs/needs".
		last := k.loose[strings.LastIndex(k.loose, "/")+1:]
		if want != "" && k.loose != "" &&
			(strings.Contains(k.loose, want) || strings.Contains(want, k.loose) || editDistance(k.loose, want) <= 2 ||
				(last != k.loose && last != "" && editDistance(last, want) <= 2)) {
			near = append(near, fmt.Sprintf("%q (%s)", c.names[i], xlsx.ColumnName(i)))
			if len(near) == 3 {
				break
			}
		}
	}
	hint := hromada.T("перевірте назви стовпців у рядку заголовків або назвіть інший стовпець (у налаштуваннях проєкту чи параметром команди)",
		"check the column names in the header row, or name another column (in the project settings or with the command's flag)")
	if len(near) > 0 {
		hint = hromada.T("схожі стовпці: %s; %s", "similar columns: %s; %s", strings.Join(near, ", "), hint)
	}
	return inputError("", ErrNoColumn, hromada.T("немає стовпця %q", "no column %q", name), hint)
}

// editDistance is the Levenshtein distance of two short strings, in bytes.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return len(a) + len(b)
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Multi locates the columns of a select_multiple question.
type Multi struct {
	Name    string         // the question, as asked for
	Parent  int            // column of the space-separated codes; -1 if there is none
	Options map[string]int // option code → column of its 0/1 column ("q/opt" or "q.opt")
	// KeepMissing makes don't-know and refused answers like any other, as
	// REACH's analysistools counts them (METHODS.md §1.6b): a respondent
	// who ticked only them answered the question, and its other options
	// are NotSelected, never Missing.
	KeepMissing bool
}

// SelectMultiple finds the columns of the select_multiple question parent:
// the column of space-separated codes, found as [Columns.Lookup] finds
// columns, and the option columns "parent/opt" or "parent.opt" (with any
// group path in front). ok is false when there is neither. When the
// question's name matches questions in several groups, the option columns
// of the one whose column was found are taken.
func (c *Columns) SelectMultiple(parent string) (m Multi, ok bool) {
	m = Multi{Name: parent, Parent: -1, Options: map[string]int{}}
	prefix, _ := segments(parent)
	if col, err := c.Lookup(parent); err == nil {
		m.Parent = col
		prefix = c.keys[col].segs
	}
	if len(prefix) == 0 {
		return m, false
	}
	var owner string // the path of the question whose options were taken
	for i, k := range c.keys {
		n := len(k.segs)
		if n < len(prefix)+1 || !hasSuffix(k.segs[:n-1], prefix) {
			continue
		}
		path := strings.Join(k.segs[:n-1], "/")
		if m.Parent < 0 && owner != "" && path != owner {
			return Multi{Name: parent, Parent: -1}, false // options of two questions: ambiguous
		}
		if m.Parent >= 0 && path != c.keys[m.Parent].path {
			continue
		}
		owner = path
		m.Options[k.tail] = i
	}
	return m, m.Parent >= 0 || len(m.Options) > 0
}

func hasSuffix(s, suffix []string) bool {
	if len(suffix) > len(s) {
		return false
	}
	tail := s[len(s)-len(suffix):]
	for i := range tail {
		if tail[i] != suffix[i] {
			return false
		}
	}
	return true
}

// Answer is what one respondent answered for one option of a
// select_multiple question.
type Answer int

// Answers to an option of a select_multiple question.
const (
	NotAsked    Answer = iota // blank: the question was not asked (skipped by its relevance)
	NotSelected               // asked, and this option was not chosen
	Selected                  // asked, and this option was chosen
	Missing                   // asked, answered "don't know" or "prefer not to answer"
)

// String returns "not asked", "not selected", "selected" or "missing".
func (a Answer) String() string {
	switch a {
	case NotSelected:
		return "not selected"
	case Selected:
		return "selected"
	case Missing:
		return "missing"
	}
	return "not asked"
}

// Selected tells whether option code of the select_multiple question m was
// chosen in the current row. It reads the option's 0/1 column when there is
// one, else the codes in the question's column:
//
//   - a blank cell (or R's NA) means the question was not asked: NotAsked;
//   - the option chosen: Selected;
//   - the option not chosen, and the only codes chosen are missing ones
//     (dnk, pnta …, see [IsMissing]): Missing — one denominator per
//     question, so a respondent who ticked real options as well counts
//     with them, NotSelected (METHODS.md §1.6);
//   - otherwise NotSelected; with m.KeepMissing, also when only missing
//     codes were chosen.
//
// A 0/1 column holding anything but 0, 1, true or false, and an error
// value, are [*xlsx.InputError]s naming the cell. A code m has no column for,
// while m has no codes column either, is ErrNoColumn.
func (t *Table) Selected(m Multi, code string) (Answer, error) {
	col, ok := m.Options[code]
	if !ok {
		for c, i := range m.Options {
			if strings.EqualFold(c, code) {
				col, ok = i, true
				break
			}
		}
	}
	if ok {
		v := strings.TrimSpace(t.Row()[col])
		if notAsked(v) {
			return NotAsked, nil
		}
		chosen, err := parseDummy(v)
		if err != nil {
			return NotAsked, t.CellError(col, err)
		}
		if chosen {
			return Selected, nil
		}
		if !m.KeepMissing {
			if answers, missing := t.Ticked(m); missing && !answers {
				return Missing, nil
			}
		}
		return NotSelected, nil
	}
	if m.Parent < 0 {
		e := &xlsx.InputError{Problem: t.Problem(-1, hromada.T("немає стовпця для варіанта %q запитання %q", "no column for option %q of %q", code, m.Name),
			hromada.T("очікувався стовпець %q або %q", "expected a column %q or %q", m.Name+"/"+code, m.Name)), Err: ErrNoColumn}
		return NotAsked, e
	}
	v := strings.TrimSpace(t.Row()[m.Parent])
	if notAsked(v) {
		return NotAsked, nil
	}
	if err := xlsx.ErrorValue(v); err != nil {
		return NotAsked, t.CellError(m.Parent, err)
	}
	for _, c := range strings.Fields(v) {
		if c == code || strings.EqualFold(c, code) {
			return Selected, nil
		}
	}
	if !m.KeepMissing {
		if answers, missing := t.Ticked(m); missing && !answers {
			return Missing, nil
		}
	}
	return NotSelected, nil
}

// Ticked tells what kinds of option the current row chose for the
// select_multiple question m: answers is true when some option that is
// not a missing code was chosen (none and other are answers), missing when
// a missing code ([IsMissing]) was. It reads the codes column and the
// option columns; cells that are not codes or 0/1 count as neither.
func (t *Table) Ticked(m Multi) (answers, missing bool) {
	line := t.Line()
	if c := &t.ticked; c.line == line && c.name == m.Name && c.parent == m.Parent {
		return c.answers, c.missing
	}
	row := t.Row()
	if m.Parent >= 0 {
		for _, c := range strings.Fields(row[m.Parent]) {
			if IsMissing(c) {
				missing = true
			} else if !notAsked(c) {
				answers = true
			}
		}
	}
	for c, i := range m.Options {
		if yes, err := parseDummy(strings.TrimSpace(row[i])); err == nil && yes {
			if IsMissing(c) {
				missing = true
			} else {
				answers = true
			}
		}
	}
	t.ticked = tickedCache{line: line, name: m.Name, parent: m.Parent, answers: answers, missing: missing}
	return answers, missing
}

// tickedCache keeps the last answer of [Table.Ticked]: the options of one
// question ask it once per row each.
type tickedCache struct {
	line, parent     int
	name             string
	answers, missing bool
}

// notAsked reports a blank answer: empty, or NA as R writes blanks.
func notAsked(v string) bool {
	return v == "" || strings.EqualFold(v, "NA") || strings.EqualFold(v, "N/A")
}

// parseDummy reads a select_multiple option column.
func parseDummy(v string) (bool, error) {
	switch strings.ToLower(v) {
	case "1", "1.0", "true":
		return true, nil
	case "0", "0.0", "false":
		return false, nil
	}
	if err := xlsx.ErrorValue(v); err != nil {
		return false, err
	}
	return false, &xlsx.ValueError{Msg: hromada.T("%s — не 0 і не 1", "%s is not 0 or 1", xlsx.QuoteText(v)),
		Hint: hromada.T("стовпець варіанта запитання select_multiple містить 1 (вибрано), 0 (не вибрано) або нічого (не запитували)",
			"an option column of a select_multiple question holds 1 (chosen), 0 (not chosen) or nothing (not asked)"), Err: ErrNotChoice}
}
