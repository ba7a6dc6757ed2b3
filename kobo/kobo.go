// Package kobo holds the rules of KoboToolbox (and ODK) survey data: how an
// export names its columns, how it writes select_multiple answers and
// repeat groups, which answers mean "don't know", and the XLSForm
// questionnaire that types the columns. It reads through package
// internal/xlsx, which knows nothing of surveys.
//
// Open a survey export, or any table a project is given, with [Open]: it is
// [xlsx.Open] with the Kobo rules switched on (don't-know codes are missing
// values, see [IsMissing]; a row of HXL hashtags below the header is
// skipped, see [IsHXL]). [OpenTable] streams a sheet whose columns are found
// by the names of survey fields:
//
//	f, err := kobo.Open("survey.xlsx", xlsx.OpenOptions{})
//	if err != nil {
//		return err // an *xlsx.InputError
//	}
//	defer f.Close()
//	t, err := kobo.OpenTable(f, "") // the first sheet
//	if err != nil {
//		return err
//	}
//	defer t.Close()
//	size, err := t.Lookup("hh_size") // finds "consented/hh_size", "X_hh_size" …
//	needs, _ := t.SelectMultiple("needs")
//	for t.Next() {
//		n, present, err := t.Number(size)
//		food, err := t.Selected(needs, "food") // Selected, NotSelected, Missing or NotAsked
//		…
//	}
//	return t.Err()
//
// Column names follow [Columns.Lookup]: group paths ("group/sub/q"), the
// names R gives them ("group.q", "X_uuid", "X.U.FEFF.start") and
// select_multiple option columns ("needs/food"). A repeat-group sheet (a
// roster of members) is joined to its households with [OpenRepeat] or
// [JoinRepeat], by _submission__uuid → _uuid or _parent_index → _index,
// and folded to one value a household with [Collect].
//
// [ReadXLSForm] reads a questionnaire; [ParseType] reads a question type as
// pyxform (the converter KoboToolbox uses) does, with its aliases, for
// reading, writing and checking forms alike.
package kobo

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/xlsx"
)

// Open opens the spreadsheet at path as [xlsx.Open] does, with the rules of
// survey data: the values [IsMissing] names are missing answers, and a row
// of HXL hashtags right below the header ([IsHXL]) is skipped. opt's
// Missing and SkipTagRow are replaced.
func Open(path string, opt xlsx.OpenOptions) (*xlsx.File, error) {
	opt.Missing, opt.SkipTagRow = IsMissing, IsHXL
	return xlsx.Open(path, opt)
}

// Table is a sheet of a survey export: an [xlsx.Table] whose columns are
// found by the names of survey fields ([Columns.Lookup]) and whose
// select_multiple answers are read with [Table.Selected].
type Table struct {
	*xlsx.Table
	cols   *Columns
	ticked tickedCache
}

// OpenTable opens a sheet of f for streaming, as [xlsx.File.Table] does;
// "" is the first sheet.
func OpenTable(f *xlsx.File, sheet string) (*Table, error) {
	t, err := f.Table(sheet)
	if err != nil {
		return nil, err
	}
	return NewTable(t), nil
}

// NewTable finds the columns of an open table by the names of survey
// fields.
func NewTable(t *xlsx.Table) *Table {
	return &Table{Table: t, cols: NewColumns(t.Header()), ticked: tickedCache{line: -1}}
}

// Columns returns the header's column finder.
func (t *Table) Columns() *Columns { return t.cols }

// Find returns the column of a field name, matched as [Columns.Find] does.
func (t *Table) Find(name string) (int, bool) { return t.cols.Find(name) }

// Lookup returns the column of a field name, or an error that names the
// sheet and says why: no such column, or several that match.
func (t *Table) Lookup(name string) (int, error) {
	col, err := t.cols.Lookup(name)
	if err != nil {
		e := err.(*xlsx.InputError)
		e.File, e.Sheet = t.File().Path(), t.Sheet()
		if e.Cell == "" {
			e.Cell = t.HeaderRef(-1)
		}
		return col, e
	}
	return col, nil
}

// SelectMultiple finds the columns of a select_multiple question, as
// [Columns.SelectMultiple] does.
func (t *Table) SelectMultiple(parent string) (Multi, bool) { return t.cols.SelectMultiple(parent) }

// where names a table in messages: sheet "main" (аркуш «main»), or the
// CSV file.
func where(t *Table) hromada.Text {
	if t.Sheet() == "" {
		name := filepath.Base(t.File().Path())
		return hromada.Text{UK: name, EN: name}
	}
	return hromada.T("аркуш «%s»", `sheet "%s"`, t.Sheet())
}

// isText reports whether f is a CSV text table: its one sheet has no name.
func isText(f *xlsx.File) bool {
	s := f.Sheets()
	return len(s) == 1 && s[0] == ""
}

// inputError is an input error about a whole file.
func inputError(path string, cause error, msg, hint hromada.Text) *xlsx.InputError {
	return &xlsx.InputError{Problem: hromada.Problem{File: path, Msg: msg, Hint: hint}, Err: cause}
}

// missingCodes are answers that mean "no answer" (METHODS §1.6): don't
// know, prefer not to answer, R's NA.
var missingCodes = map[string]bool{
	"": true, "na": true, "n/a": true,
	"dnk": true, "dk": true, "dont_know": true, "do_not_know": true, "don't know": true, "dont know": true,
	"pnta": true, "prefer_not_to_answer": true, "prefer_not_answer": true, "refused": true, "refuse": true,
	"не знаю": true, "важко відповісти": true, "відмова": true, "відмовився": true, "відмовилась": true,
}

// IsMissing reports whether a value means that no answer was given: blank,
// "NA" or "N/A" (as R and people write it), or a don't-know or
// prefer-not-to-answer code (dnk, dk, dont_know, do_not_know, pnta,
// prefer_not_to_answer, refused, "не знаю", "важко відповісти",
// "відмова"). Case and surrounding spaces do not matter. Such answers are
// missing, never "no" or 0. Spreadsheet error values are not missing: they
// are errors (see [xlsx.IsErrorValue]).
func IsMissing(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) > 24 {
		return false
	}
	return missingCodes[strings.ToLower(s)]
}

// IsHXL reports whether a row is a row of HXL hashtags (#adm1, #affected
// …), as humanitarian exports put below their header: every filled cell
// starts with # and none is a spreadsheet error value such as #N/A.
func IsHXL(cells []string) bool {
	tags := 0
	for _, c := range cells {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if !strings.HasPrefix(c, "#") || xlsx.IsErrorValue(c) {
			return false
		}
		tags++
	}
	return tags > 0
}

// metadata are the columns a KoboToolbox export puts after the questions.
var metadata = []string{"_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by", "__version__", "_tags", "_index"}

// MetadataColumns returns the columns a KoboToolbox export puts after the
// questions, in Kobo's order: _id, _uuid (which [JoinRepeat] joins repeat
// sheets by), _submission_time, _validation_status, _notes, _status,
// _submitted_by, __version__, _tags and _index (the household's number in
// the export, the other key of repeat sheets).
func MetadataColumns() []string { return slices.Clone(metadata) }

// LooksLikeLabels reports whether a header is made of the questionnaire's
// labels rather than its question names (KoboToolbox's "Labels" export):
// most of its columns other than the metadata (_id, _uuid …) hold spaces,
// question marks or other characters a question name cannot have.
func LooksLikeLabels(header []string) bool {
	labels, names := 0, 0
	for _, h := range header {
		h = strings.TrimSpace(h)
		if h == "" || strings.HasPrefix(h, "_") {
			continue
		}
		if nameLike(h) {
			names++
		} else {
			labels++
		}
	}
	return labels > 0 && labels >= names
}

// nameLike reports whether s could be a question name with its group path
// and option: letters, digits, _, -, ., / and :, starting with a letter or _.
func nameLike(s string) bool {
	for i, r := range s {
		switch {
		case r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z'):
		case i > 0 && ((r >= '0' && r <= '9') || r == '-' || r == '.' || r == '/' || r == ':'):
		default:
			return false
		}
	}
	return true
}

// Rename finds the table's columns by names other than its header's, as
// [Form.Names] gives for a label export; names has one entry per column.
func (t *Table) Rename(names []string) { t.cols = NewColumns(names) }
