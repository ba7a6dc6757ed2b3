package sim

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/hromada-tool/hromada/kobo"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook"
)

// The survey files are laid out as KoboToolbox exports them ("XML values
// and headers", groups in headers): start, end and today first, each
// question under its group path (location/hromada, household/idp, …), a
// select_multiple question as a column of space-separated option codes
// followed by one 0/1 column per option, the weight the analyst added, then
// Kobo's metadata columns. A question that was not asked (the household
// refused, or the question was not relevant) is an empty cell.

// The export follows the XLSForm that inputbook.WriteXLSForm writes
// (project/xlsform.go), which the example generator's test checks:
//   - FormTitle is the form's title; Kobo names the export's sheet after it,
//     cut to the 31 characters a sheet name may have;
//   - FormGroups renames the groups whose name would clash with a
//     question's (the group "needs" holds the question "needs");
//   - NoNeed is the extra option of the needs question for a household
//     that needs none of the services.
const (
	FormTitle = "Потреби домогосподарств у соціальних послугах"
	NoNeed    = "none"
)

// FormGroups renames the form's groups in the export's headers.
var FormGroups = map[string]string{"needs": "service_needs"}

// Column is one column of the export: its header, and the cell of an
// interview (nil for an empty cell).
type Column struct {
	Header string
	Format workbook.Format
	Value  func(iv *Interview) any
}

// ExportColumns returns the columns of the export for the questionnaire.
// It fails on a question the generator does not know how to answer, so a
// change of the questionnaire shows up here first. The last column,
// _index, is the row's number, which the writers set.
func ExportColumns(s *Survey) ([]Column, error) {
	var cols []Column
	for _, q := range project.Questionnaire {
		if q.Repeat {
			continue // on the roster's sheet (RosterColumns), as Kobo exports a repeat group
		}
		header := q.Name
		if q.Group != "" {
			header = cmp.Or(FormGroups[q.Group], q.Group) + "/" + q.Name
		}
		value, err := answer(s, q)
		if err != nil {
			return nil, err
		}
		format := workbook.General
		if q.Type == "today" {
			format = workbook.DateFmt
		}
		cols = append(cols, Column{Header: header, Format: format, Value: value})
		if list, ok := strings.CutPrefix(q.Type, "select_multiple "); ok {
			for _, opt := range options(list) {
				cols = append(cols, Column{Header: header + "/" + opt, Value: dummy(value, opt)})
			}
		}
	}
	cols = append(cols, Column{Header: "weight", Value: func(iv *Interview) any { return iv.Weight }})
	for _, m := range kobo.MetadataColumns() {
		cols = append(cols, Column{Header: m, Value: meta(s, m)})
	}
	return cols, nil
}

// options returns the option codes of a choice list of the questionnaire.
func options(list string) []string {
	var out []string
	switch list {
	case project.NeedsQuestion:
		for _, o := range project.NeedOptions {
			out = append(out, o.Key)
		}
		return append(out, NoNeed)
	case project.MemberNeedsQuestion:
		for _, k := range memberServices() {
			out = append(out, project.NeedOptions[k].Key)
		}
		return append(out, NoNeed)
	}
	for _, c := range project.QuestionnaireChoices {
		if c.List == list {
			out = append(out, c.Name)
		}
	}
	return out
}

// dummy returns the 0/1 column of option opt of a select_multiple
// question whose answers parent gives.
func dummy(parent func(*Interview) any, opt string) func(*Interview) any {
	return func(iv *Interview) any {
		if !iv.Consent {
			return nil
		}
		codes, _ := parent(iv).(string)
		for _, c := range strings.Fields(codes) {
			if c == opt {
				return 1
			}
		}
		return 0
	}
}

// Layouts of the times Kobo writes: start and end in local time with the
// offset, _submission_time in UTC.
const (
	koboTime      = "2006-01-02T15:04:05.000-07:00"
	koboSubmitted = "2006-01-02T15:04:05"
)

// answer returns the cell of question q for an interview.
func answer(s *Survey, q project.Question) (func(*Interview) any, error) {
	asked := func(f func(iv *Interview) any) func(*Interview) any {
		return func(iv *Interview) any {
			if !iv.Consent {
				return nil
			}
			return f(iv)
		}
	}
	switch q.Name {
	case "start":
		return func(iv *Interview) any { return iv.Start.Format(koboTime) }, nil
	case "end":
		return func(iv *Interview) any { return iv.End.Format(koboTime) }, nil
	case "today":
		return func(iv *Interview) any {
			y, m, d := iv.Start.Date()
			return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		}, nil
	case "hromada":
		return func(*Interview) any { return s.Community.Code }, nil
	case "stratum":
		return func(iv *Interview) any { return iv.Settlement.Stratum }, nil
	case "settlement":
		return func(iv *Interview) any { return iv.Settlement.Name }, nil
	case "consent":
		return func(iv *Interview) any { return yesNo(iv.Consent) }, nil
	case "hh_size":
		return asked(func(iv *Interview) any { return iv.Household.Adults + iv.Household.Children }), nil
	case "n_children":
		return asked(func(iv *Interview) any { return iv.Household.Children }), nil
	case "has_children":
		return asked(func(iv *Interview) any { return yesNo(iv.Household.Children > 0) }), nil
	case "idp", "low_income", "child_disability", "large_family", "difficult_circumstances":
		return asked(func(iv *Interview) any {
			if a, ok := iv.Answers[q.Name]; ok {
				return a
			}
			return nil
		}), nil
	case "needs":
		return asked(func(iv *Interview) any {
			var codes []string
			for k, o := range project.NeedOptions {
				if iv.Household.Needs[k] {
					codes = append(codes, o.Key)
				}
			}
			if len(codes) == 0 {
				return NoNeed
			}
			return strings.Join(codes, " ")
		}), nil
	}
	return nil, fmt.Errorf("question %q (%s) has no synthetic answer in the generator", q.Name, q.Type)
}

// meta returns Kobo's metadata column m.
func meta(s *Survey, m string) func(*Interview) any {
	switch m {
	case "_id":
		return func(iv *Interview) any { return iv.ID }
	case "_uuid":
		return func(iv *Interview) any { return iv.UUID }
	case "_submission_time":
		return func(iv *Interview) any { return iv.Submitted.Format(koboSubmitted) }
	case "_status":
		return func(*Interview) any { return "submitted_via_web" }
	case "_submitted_by":
		return func(iv *Interview) any { return iv.Enumerator }
	case "__version__":
		return func(*Interview) any { return s.Version }
	}
	return func(*Interview) any { return nil } // _validation_status, _notes, _tags; _index is set by the writers
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// fillRow sets row to the cells of interview i (from 0) of s.
func fillRow(row []any, cols []Column, s *Survey, i int) {
	iv := s.Interviews[i]
	for j, c := range cols {
		row[j] = c.Value(iv)
	}
	row[len(cols)-1] = i + 1 // _index
}

// WriteXLSX writes the export of s to path as a formatted workbook built
// in memory, with column widths and date formats: the main sheet and the
// roster sheet, the layout of the example project, for surveys of a few
// thousand households.
func WriteXLSX(path string, s *Survey) error {
	cols, err := ExportColumns(s)
	if err != nil {
		return err
	}
	roster, err := rosterSheet(s)
	if err != nil {
		return err
	}
	sheet := workbook.Sheet{Name: workbook.SheetName(FormTitle)}
	for _, c := range cols {
		sheet.Columns = append(sheet.Columns, workbook.Col{Header: c.Header, Format: c.Format})
	}
	for i := range s.Interviews {
		row := make([]any, len(cols))
		fillRow(row, cols, s, i)
		sheet.Rows = append(sheet.Rows, row)
	}
	b := workbook.NewBook()
	b.AddSheet(sheet)
	b.AddSheet(roster)
	return b.Save(path)
}

// StreamXLSX writes the export of s to path row by row, holding one row
// at a time: the same cells as WriteXLSX, main sheet and roster, without
// its column widths, for large surveys.
func StreamXLSX(path string, s *Survey) error {
	cols, err := ExportColumns(s)
	if err != nil {
		return err
	}
	rcols, err := RosterColumns(s)
	if err != nil {
		return err
	}
	header := make([]string, len(cols))
	for j, c := range cols {
		header[j] = c.Header
	}
	rheader := make([]string, len(rcols))
	for j, c := range rcols {
		rheader[j] = c.Header
	}
	i := 0
	main := streamSheet{name: FormTitle, header: header, next: func(row []any) bool {
		if i == len(s.Interviews) {
			return false
		}
		fillRow(row, cols, s, i)
		i++
		return true
	}}
	// The roster's rows are made one household at a time.
	var members []RosterRow
	parent, index := 0, 0
	roster := streamSheet{name: project.RosterSheet, header: rheader, next: func(row []any) bool {
		for len(members) == 0 {
			if parent == len(s.Interviews) {
				return false
			}
			iv := s.Interviews[parent]
			parent++
			if !iv.Consent {
				continue
			}
			for _, m := range iv.Household.Members {
				index++
				members = append(members, RosterRow{Interview: iv, Member: m, Index: index, Parent: parent})
			}
		}
		for j, c := range rcols {
			row[j] = c.Value(members[0])
		}
		members = members[1:]
		return true
	}}
	return writeStreams(path, []streamSheet{main, roster})
}

// WriteCSV writes the export of s to path as KoboToolbox's CSV export
// does: UTF-8 without a byte-order mark, fields separated by semicolons,
// dates as 2025-11-03. It writes one row at a time. A CSV file is one
// table: it holds the main sheet, not the roster of household members.
func WriteCSV(path string, s *Survey) error {
	cols, err := ExportColumns(s)
	if err != nil {
		return err
	}
	return workbook.WriteAtomic(path, func(f *os.File) error {
		w := csv.NewWriter(f)
		w.Comma = ';'
		rec := make([]string, len(cols))
		for j, c := range cols {
			rec[j] = c.Header
		}
		if err := w.Write(rec); err != nil {
			return err
		}
		row := make([]any, len(cols))
		for i := range s.Interviews {
			fillRow(row, cols, s, i)
			for j, v := range row {
				rec[j] = csvCell(v)
			}
			if err := w.Write(rec); err != nil {
				return err
			}
		}
		w.Flush()
		return w.Error()
	})
}

// csvCell is a cell as Kobo's CSV export writes it.
func csvCell(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case time.Time:
		return v.Format("2006-01-02")
	}
	return fmt.Sprint(v)
}
