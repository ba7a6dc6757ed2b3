package sim

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook"
	"github.com/xuri/excelize/v2"
)

// The roster: the repeat group of household members (project.RosterSheet)
// is exported, as KoboToolbox's XLS export lays out a repeat group, on a
// sheet of its own named after the group, one row per member of a
// household that agreed to the interview (the group is asked only after
// consent), in the order of the main sheet and, within a household,
// adults first, then the children. Each question is under the group's
// path (roster/member_age, …); a select_multiple is a column of
// space-separated option codes followed by one 0/1 column per option.
// Then come the columns that tie a row to its submission: _index (the
// row's number in the roster sheet), _parent_table_name (the main sheet),
// _parent_index (the household's _index in the main sheet) and the
// submission's metadata prefixed with _submission_ (_submission__uuid
// is the household's _uuid).

// rosterMetadata are the columns after the roster's questions, in the
// order of Kobo's export.
var rosterMetadata = []string{
	"_index", "_parent_table_name", "_parent_index",
	"_submission__id", "_submission__uuid", "_submission__submission_time",
	"_submission__validation_status", "_submission__notes", "_submission__status",
	"_submission__submitted_by", "_submission___version__", "_submission__tags",
}

// RosterRow is one row of the roster sheet: a member of the household of
// an interview.
type RosterRow struct {
	Interview *Interview
	Member    Member
	Index     int // the row's _index in the roster sheet, from 1
	Parent    int // the household's _index in the main sheet, from 1
}

// RosterColumn is one column of the roster sheet: its header, and the
// cell of a row (nil for an empty cell).
type RosterColumn struct {
	Header string
	Value  func(r RosterRow) any
}

// memberServices are the indices of project.NeedOptions that the roster's
// member_needs question asks about (project.MemberNeedOptions), in the
// order of NeedOptions, as the form's choice list has them.
func memberServices() []int {
	var out []int
	for k, o := range project.NeedOptions {
		if slices.Contains(project.MemberNeedOptions, o.Key) {
			out = append(out, k)
		}
	}
	return out
}

// RosterColumns returns the columns of the roster sheet for the
// questionnaire's repeat group. It fails on a roster question the
// generator does not know how to answer (Member.RosterAnswer).
func RosterColumns(s *Survey) ([]RosterColumn, error) {
	services := memberServices()
	var cols []RosterColumn
	for _, q := range project.Questionnaire {
		if !q.Repeat {
			continue
		}
		if _, ok := (Member{}).RosterAnswer(q.Name, services); !ok {
			return nil, fmt.Errorf("roster question %q (%s) has no synthetic answer in the generator", q.Name, q.Type)
		}
		name := q.Name
		value := func(r RosterRow) any {
			a, _ := r.Member.RosterAnswer(name, services)
			return a
		}
		header := project.RosterSheet + "/" + q.Name
		cols = append(cols, RosterColumn{Header: header, Value: value})
		if list, ok := strings.CutPrefix(q.Type, "select_multiple "); ok {
			for _, opt := range options(list) {
				cols = append(cols, RosterColumn{Header: header + "/" + opt, Value: func(r RosterRow) any {
					codes, _ := value(r).(string)
					if slices.Contains(strings.Fields(codes), opt) {
						return 1
					}
					return 0
				}})
			}
		}
	}
	mainSheet := workbook.SheetName(FormTitle)
	for _, m := range rosterMetadata {
		var v func(r RosterRow) any
		switch m {
		case "_index":
			v = func(r RosterRow) any { return r.Index }
		case "_parent_table_name":
			v = func(RosterRow) any { return mainSheet }
		case "_parent_index":
			v = func(r RosterRow) any { return r.Parent }
		case "_submission__id":
			v = func(r RosterRow) any { return r.Interview.ID }
		case "_submission__uuid":
			v = func(r RosterRow) any { return r.Interview.UUID }
		case "_submission__submission_time":
			v = func(r RosterRow) any { return r.Interview.Submitted.Format(koboSubmitted) }
		case "_submission__status":
			v = func(RosterRow) any { return "submitted_via_web" }
		case "_submission__submitted_by":
			v = func(r RosterRow) any { return r.Interview.Enumerator }
		case "_submission___version__":
			v = func(RosterRow) any { return s.Version }
		default: // validation status, notes, tags
			v = func(RosterRow) any { return nil }
		}
		cols = append(cols, RosterColumn{Header: m, Value: v})
	}
	return cols, nil
}

// RosterRows returns the rows of the roster sheet of s: every member of
// every household that agreed to the interview.
func RosterRows(s *Survey) []RosterRow {
	var rows []RosterRow
	for i, iv := range s.Interviews {
		if !iv.Consent {
			continue
		}
		for _, m := range iv.Household.Members {
			rows = append(rows, RosterRow{Interview: iv, Member: m, Index: len(rows) + 1, Parent: i + 1})
		}
	}
	return rows
}

// rosterSheet returns the roster sheet of s for WriteXLSX.
func rosterSheet(s *Survey) (workbook.Sheet, error) {
	cols, err := RosterColumns(s)
	if err != nil {
		return workbook.Sheet{}, err
	}
	sheet := workbook.Sheet{Name: project.RosterSheet}
	for _, c := range cols {
		sheet.Columns = append(sheet.Columns, workbook.Col{Header: c.Header})
	}
	for _, r := range RosterRows(s) {
		row := make([]any, len(cols))
		for j, c := range cols {
			row[j] = c.Value(r)
		}
		sheet.Rows = append(sheet.Rows, row)
	}
	return sheet, nil
}

// streamSheet is one sheet of a workbook written row by row: next fills
// row (one element per header column, reused) and reports whether there
// was a row.
type streamSheet struct {
	name   string
	header []string
	next   func(row []any) bool
}

// docTime is the creation time the survey workbooks carry, fixed so the
// same seed writes the same bytes.
var docTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Format(time.RFC3339)

// writeStreams writes a workbook of the sheets, each row by row, holding
// one row at a time; the file is written whole or not at all.
func writeStreams(path string, sheets []streamSheet) error {
	x := excelize.NewFile()
	defer x.Close()
	x.SetZipWriter(newSortedZip)
	for i, sh := range sheets {
		name := workbook.SheetName(sh.name)
		var err error
		if i == 0 {
			err = x.SetSheetName("Sheet1", name)
		} else {
			_, err = x.NewSheet(name)
		}
		if err != nil {
			return err
		}
		sw, err := x.NewStreamWriter(name)
		if err != nil {
			return err
		}
		row := make([]any, len(sh.header))
		for j, h := range sh.header {
			row[j] = h
		}
		if err := sw.SetRow("A1", row); err != nil {
			return err
		}
		for r := 2; ; r++ {
			clear(row)
			if !sh.next(row) {
				break
			}
			cell, err := excelize.CoordinatesToCellName(1, r)
			if err != nil {
				return err
			}
			if err := sw.SetRow(cell, row); err != nil {
				return fmt.Errorf("sheet %s, row %d: %w", name, r, err)
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	if err := x.SetDocProps(&excelize.DocProperties{Creator: "hromada", Created: docTime, Modified: docTime}); err != nil {
		return err
	}
	return workbook.WriteAtomic(path, func(w *os.File) error { return x.Write(w) })
}

// sortedZip writes a workbook's parts in the order of their names.
// excelize writes the parts of its stream writers in a map's order, so the
// two stream sheets of a survey would come out in either order and the
// same seed would not always write the same bytes. The parts are written
// to a first archive as excelize gives them, then copied, still
// compressed, in order.
type sortedZip struct {
	out   *zip.Writer
	tmp   bytes.Buffer
	parts *zip.Writer
}

func newSortedZip(w io.Writer) excelize.ZipWriter {
	z := &sortedZip{out: zip.NewWriter(w)}
	z.parts = zip.NewWriter(&z.tmp)
	return z
}

// Create starts a part.
func (z *sortedZip) Create(name string) (io.Writer, error) { return z.parts.Create(name) }

// AddFS adds the files of fsys as parts.
func (z *sortedZip) AddFS(fsys fs.FS) error { return z.parts.AddFS(fsys) }

// Close writes the parts in the order of their names.
func (z *sortedZip) Close() error {
	if err := z.parts.Close(); err != nil {
		return err
	}
	r, err := zip.NewReader(bytes.NewReader(z.tmp.Bytes()), int64(z.tmp.Len()))
	if err != nil {
		return err
	}
	files := slices.Clone(r.File)
	slices.SortFunc(files, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
	for _, f := range files {
		if err := z.out.Copy(f); err != nil {
			return err
		}
	}
	return z.out.Close()
}
