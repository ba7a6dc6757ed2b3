package budgetbook

import (
	"fmt"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/workbook"
	"github.com/xuri/excelize/v2"
)

// valRule is what a yellow input cell of the budget may hold.
type valRule int

// Rules of the budget's input cells.
const (
	shareRule  valRule = iota // a share from 0 to 1: a donor share of 70 % is 0.7, not 70
	rateRule                  // a growth rate a year, above −100 % and at most 100 %
	amountRule                // money, a count or a number of years: 0 or more
	yearRule                  // a calendar year
	lifeRule                  // whole years, 1 or more
)

// guarded is a range of input cells of one row and its rule, for the
// Summary's flag.
type guarded struct {
	at   workbook.CellRange
	rule valRule
}

// guardText are the notes of the input cells' validation and the
// Summary's flag.
var guardText = map[string]hromada.Text{
	"title":  {UK: "Вхідне значення", EN: "Input"},
	"share":  {UK: "Частка від 0 до 1: 70 % — це 0,7 (або 70 %), не 70.", EN: "A share from 0 to 1: 70 % is 0.7 (or 70 %), not 70."},
	"rate":   {UK: "Темп за рік від −100 % до 100 %: 5 % — це 0,05 (або 5 %), не 5.", EN: "A rate a year from −100 % to 100 %: 5 % is 0.05 (or 5 %), not 5."},
	"amount": {UK: "Число 0 або більше.", EN: "A number, 0 or more."},
	"year":   {UK: "Рік, напр. 2026.", EN: "A year, such as 2026."},
	"life":   {UK: "Ціле число років, 1 або більше.", EN: "A whole number of years, 1 or more."},
	"flag":   {UK: "⚠ На аркуші «%s» є значення поза межами (червоні клітинки): показники хибні, доки їх не виправлено.", EN: "⚠ The %s sheet has values out of range (red cells): the figures are wrong until they are corrected."},
}

func (w *budgetWriter) gt(key string, args ...any) string {
	s := guardText[key].In(w.lang)
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// bad is the formula, relative to cell c (A1 style), that is true when c
// holds a value the rule does not allow; an empty cell is allowed.
func (r valRule) bad(c string) string {
	var out string
	switch r {
	case shareRule:
		out = fmt.Sprintf("OR(%[1]s<0,%[1]s>1)", c)
	case rateRule:
		out = fmt.Sprintf("OR(%[1]s<=-1,%[1]s>1)", c)
	case amountRule:
		out = fmt.Sprintf("%s<0", c)
	case yearRule:
		out = fmt.Sprintf("OR(%[1]s<1900,%[1]s>2200,%[1]s<>INT(%[1]s))", c)
	case lifeRule:
		out = fmt.Sprintf("OR(%[1]s<1,%[1]s<>INT(%[1]s))", c)
	}
	return fmt.Sprintf(`AND(%[1]s<>"",OR(NOT(ISNUMBER(%[1]s)),%[2]s))`, c, out)
}

// guard gives the input cells from col1 to col2 of the report's current
// row data validation for rule — a warning when a value outside it is
// typed, and the allowed values when a cell is selected — and a red fill
// while a cell holds such a value, so that a donor share typed as 70
// instead of 0.7 is seen at once; the Summary flags any of them.
func (w *budgetWriter) guard(r *workbook.ReportSheet, col1, col2 int, rule valRule) {
	if col2 < col1 {
		return
	}
	ref := workbook.A1Name(col1, r.Next)
	if col2 > col1 {
		ref += ":" + workbook.A1Name(col2, r.Next)
	}
	d := excelize.NewDataValidation(true)
	d.Sqref = ref
	var err error
	var note string
	switch rule {
	case shareRule:
		err, note = d.SetRange(0, 1, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween), "share"
	case rateRule:
		err, note = d.SetRange(-0.9999, 1, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween), "rate"
	case amountRule:
		err, note = d.SetRange(0, 0, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorGreaterThanOrEqual), "amount"
	case yearRule:
		err, note = d.SetRange(1900, 2200, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween), "year"
	case lifeRule:
		err, note = d.SetRange(1, 0, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorGreaterThanOrEqual), "life"
	}
	w.b.Fail(err)
	d.SetError(excelize.DataValidationErrorStyleWarning, w.gt("title"), w.gt(note))
	d.ShowErrorMessage = true
	d.SetInput(w.gt("title"), w.gt(note))
	w.b.Fail(w.b.File.AddDataValidation(r.Sheet, d))
	w.b.Fail(w.b.File.SetConditionalFormat(r.Sheet, ref, []excelize.ConditionalFormatOptions{{
		Type: "formula", Criteria: rule.bad(workbook.A1Name(col1, r.Next)), Format: w.b.CondStyle("bad")}}))
	w.guards = append(w.guards, guarded{at: workbook.CellRange{Sheet: r.Sheet, Col1: col1, Row1: r.Next, Col2: col2, Row2: r.Next}, rule: rule})
}

// unitRule is the rule of a parameter by its unit on the Assumptions
// sheet.
func unitRule(unit string) valRule {
	switch unit {
	case "unit.share":
		return shareRule
	case "unit.rate":
		return rateRule
	case "unit.year":
		return yearRule
	}
	return amountRule
}

// guardFlag writes, on the Summary's current row (blank otherwise), a
// warning that shows while any input cell holds a value out of its range,
// red; the row is left blank when nothing is guarded. Its formula counts the shares above 1 or below 0, the rates
// at −100 % or below or above 100 %, and the negative amounts.
func (w *budgetWriter) guardFlag(r *workbook.ReportSheet) {
	var terms []string
	for _, g := range coalesce(w.guards) {
		rg := g.at.In(r.Sheet)
		switch g.rule {
		case shareRule:
			terms = append(terms, fmt.Sprintf(`COUNTIF(%[1]s,">1")+COUNTIF(%[1]s,"<0")`, rg))
		case rateRule:
			terms = append(terms, fmt.Sprintf(`COUNTIF(%[1]s,">1")+COUNTIF(%[1]s,"<=-1")`, rg))
		case amountRule, lifeRule:
			terms = append(terms, fmt.Sprintf(`COUNTIF(%s,"<0")`, rg))
		}
	}
	defer func() { r.Next++ }()
	if len(terms) == 0 {
		return
	}
	if n := len(strings.Join(terms, "+")); n > maxFormula {
		// Too many inputs for one formula: the shares alone, the usual
		// slip (70 for 0.7).
		terms = terms[:0]
		for _, g := range coalesce(w.guards) {
			if g.rule == shareRule {
				terms = append(terms, fmt.Sprintf(`COUNTIF(%[1]s,">1")+COUNTIF(%[1]s,"<0")`, g.at.In(r.Sheet)))
			}
		}
		for len(strings.Join(terms, "+")) > maxFormula {
			terms = terms[:len(terms)-1]
		}
		if len(terms) == 0 {
			return
		}
	}
	text := w.gt("flag", w.name[bsAssumptions])
	expr := fmt.Sprintf(`IF(%s>0,"%s","")`, strings.Join(terms, "+"), strings.ReplaceAll(text, `"`, `""`))
	cell, last := r.Ref(0), r.Ref(w.n+1)
	w.put(r, 0, workbook.Formula{Expr: expr, Value: ""}, workbook.General, false)
	w.b.Fail(w.b.File.MergeCell(r.Sheet, cell, last))
	w.b.Fail(w.b.File.SetCellStyle(r.Sheet, cell, last, w.b.Style(workbook.StyleKey{Wrap: true})))
	w.b.Fail(w.b.File.SetConditionalFormat(r.Sheet, cell+":"+last, []excelize.ConditionalFormatOptions{{
		Type: "formula", Criteria: fmt.Sprintf(`LEN($%s)>0`, cell), Format: w.b.CondStyle("bad")}}))
}

// maxFormula is the longest sum of counts the flag's formula holds, under
// Excel's limit of 8,192 characters a formula with room for the rest.
const maxFormula = 7600

// coalesce merges the guarded ranges of one rule and the same columns on
// consecutive rows into one range, so that the flag's formula stays short.
func coalesce(gs []guarded) []guarded {
	var out []guarded
	for _, g := range gs {
		if n := len(out); n > 0 {
			last := &out[n-1]
			if last.rule == g.rule && last.at.Sheet == g.at.Sheet && last.at.Col1 == g.at.Col1 && last.at.Col2 == g.at.Col2 && last.at.Row2+1 == g.at.Row1 {
				last.at.Row2 = g.at.Row2
				continue
			}
		}
		out = append(out, g)
	}
	return out
}
