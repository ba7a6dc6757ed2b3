package main

import (
	"cmp"
	"fmt"
	"strings"
	"time"

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

// The export follows the XLSForm that project.WriteXLSForm writes
// (project/xlsform.go), which the generator's test checks:
//   - formTitle is the form's title; Kobo names the export's sheet after it,
//     cut to the 31 characters a sheet name may have;
//   - formGroups renames the groups whose name would clash with a
//     question's (the group "needs" holds the question "needs");
//   - noNeed is the extra option of the needs question for a household
//     that needs none of the services.
const (
	formTitle = "Потреби домогосподарств у соціальних послугах"
	noNeed    = "none"
)

var formGroups = map[string]string{"needs": "service_needs"}

// metadata are Kobo's columns after the questions, in Kobo's order.
var metadata = []string{"_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by", "__version__", "_tags", "_index"}

// column is one column of the export: its header, and the cell of an
// interview (nil for an empty cell).
type column struct {
	Header string
	Format workbook.Format
	Value  func(iv *interview) any
}

// exportColumns returns the columns of the export for the questionnaire.
// It fails on a question the generator does not know how to answer, so a
// change of the questionnaire shows up here first.
func exportColumns(s *survey) ([]column, error) {
	var cols []column
	for _, q := range project.Questionnaire {
		if q.Repeat {
			return nil, fmt.Errorf("question %q is in a repeat group, which the generator does not write", q.Name)
		}
		header := q.Name
		if q.Group != "" {
			header = cmp.Or(formGroups[q.Group], q.Group) + "/" + q.Name
		}
		value, err := answer(s, q)
		if err != nil {
			return nil, err
		}
		format := workbook.General
		if q.Type == "today" {
			format = workbook.DateFmt
		}
		cols = append(cols, column{Header: header, Format: format, Value: value})
		if list, ok := strings.CutPrefix(q.Type, "select_multiple "); ok {
			for _, opt := range options(list) {
				cols = append(cols, column{Header: header + "/" + opt, Value: dummy(value, opt)})
			}
		}
	}
	cols = append(cols, column{Header: "weight", Value: func(iv *interview) any { return iv.Weight }})
	for _, m := range metadata {
		cols = append(cols, column{Header: m, Value: meta(s, m)})
	}
	return cols, nil
}

// options returns the option codes of a choice list of the questionnaire.
func options(list string) []string {
	var out []string
	if list == project.NeedsQuestion {
		for _, o := range project.NeedOptions {
			out = append(out, o.Key)
		}
		return append(out, noNeed)
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
func dummy(parent func(*interview) any, opt string) func(*interview) any {
	return func(iv *interview) any {
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
func answer(s *survey, q project.Question) (func(*interview) any, error) {
	asked := func(f func(iv *interview) any) func(*interview) any {
		return func(iv *interview) any {
			if !iv.Consent {
				return nil
			}
			return f(iv)
		}
	}
	switch q.Name {
	case "start":
		return func(iv *interview) any { return iv.Start.Format(koboTime) }, nil
	case "end":
		return func(iv *interview) any { return iv.End.Format(koboTime) }, nil
	case "today":
		return func(iv *interview) any {
			y, m, d := iv.Start.Date()
			return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		}, nil
	case "hromada":
		return func(*interview) any { return s.Community.Code }, nil
	case "stratum":
		return func(iv *interview) any { return iv.Settlement.Stratum }, nil
	case "settlement":
		return func(iv *interview) any { return iv.Settlement.Name }, nil
	case "consent":
		return func(iv *interview) any { return yesNo(iv.Consent) }, nil
	case "hh_size":
		return asked(func(iv *interview) any { return iv.Household.Adults + iv.Household.Children }), nil
	case "n_children":
		return asked(func(iv *interview) any { return iv.Household.Children }), nil
	case "has_children":
		return asked(func(iv *interview) any { return yesNo(iv.Household.Children > 0) }), nil
	case "idp", "low_income", "child_disability", "large_family", "difficult_circumstances":
		return asked(func(iv *interview) any {
			if a, ok := iv.Answers[q.Name]; ok {
				return a
			}
			return nil
		}), nil
	case "needs":
		return asked(func(iv *interview) any {
			var codes []string
			for k, o := range project.NeedOptions {
				if iv.Household.Needs[k] {
					codes = append(codes, o.Key)
				}
			}
			if len(codes) == 0 {
				return noNeed
			}
			return strings.Join(codes, " ")
		}), nil
	}
	return nil, fmt.Errorf("question %q (%s) has no synthetic answer in the generator", q.Name, q.Type)
}

// meta returns Kobo's metadata column m.
func meta(s *survey, m string) func(*interview) any {
	switch m {
	case "_id":
		return func(iv *interview) any { return iv.ID }
	case "_uuid":
		return func(iv *interview) any { return iv.UUID }
	case "_submission_time":
		return func(iv *interview) any { return iv.Submitted.Format(koboSubmitted) }
	case "_status":
		return func(*interview) any { return "submitted_via_web" }
	case "_submitted_by":
		return func(iv *interview) any { return iv.Enumerator }
	case "__version__":
		return func(*interview) any { return s.Version }
	}
	return func(*interview) any { return nil } // _validation_status, _notes, _tags; _index is set by writeSurvey
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// writeSurvey writes the export of s to path.
func writeSurvey(path string, s *survey) error {
	cols, err := exportColumns(s)
	if err != nil {
		return err
	}
	sheet := workbook.Sheet{Name: workbook.SheetName(formTitle)}
	for _, c := range cols {
		sheet.Columns = append(sheet.Columns, workbook.Col{Header: c.Header, Format: c.Format})
	}
	for i, iv := range s.Interviews {
		row := make([]any, len(cols))
		for j, c := range cols {
			row[j] = c.Value(iv)
		}
		row[len(cols)-1] = i + 1 // _index
		sheet.Rows = append(sheet.Rows, row)
	}
	b := workbook.NewBook()
	b.AddSheet(sheet)
	return b.Save(path)
}
