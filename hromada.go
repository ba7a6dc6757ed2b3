// Package hromada holds the domain of social-service planning in a Ukrainian
// territorial community: communities, population groups, services of the
// national classifier, the units they are counted in, the counts of a
// survey's answers, and the problems found in a project's inputs.
//
// Every text a user reads comes in Ukrainian and English: a [Text] holds
// both, [Errorf] makes an error that carries both, and [Message] gives an
// error in the [Lang] of the output.
//
// It imports only the standard library. Computation lives in [assess]
// (needs from surveys), plan, budget and consolidate; package pipeline holds
// the rules between those stages. Reading inputs lives in project (with kobo
// for surveys and internal/xlsx for spreadsheets), writing workbooks in
// package workbook and its layouts (assessbook, planbook, budgetbook,
// consbook, inputbook); cmd/hromada and serve turn a user's request into
// calls of pipeline.
package hromada

import (
	"strings"
)

// Lang is the language of every text a command writes: "uk" or "en".
type Lang string

// The languages outputs are written in.
const (
	Ukrainian Lang = "uk"
	English   Lang = "en"
)

// ParseLang returns the language for s ("uk", "ua", "en"; case-insensitive).
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "uk", "ua", "ukr", "українська":
		return Ukrainian, nil
	case "en", "eng", "english":
		return English, nil
	}
	return "", Errorf("мову «%s» не підтримано; можливі: uk, en", "language %q is not supported; allowed: uk, en", s)
}

// Text is a text in both output languages.
type Text struct {
	UK string
	EN string
}

// In returns the text in lang, falling back to the other language when that
// one is empty.
func (t Text) In(lang Lang) string {
	if lang == English {
		if t.EN != "" {
			return t.EN
		}
		return t.UK
	}
	if t.UK != "" {
		return t.UK
	}
	return t.EN
}

// Unit is what a service or a registry count is counted in.
type Unit string

// Units of count.
const (
	Family Unit = "family"
	Child  Unit = "child"
	Person Unit = "person"
)

// ParseUnit accepts the English code or the Ukrainian word of a unit.
func ParseUnit(s string) (Unit, error) {
	w := strings.NewReplacer("’", "'", "ʼ", "'").Replace(strings.ToLower(strings.TrimSpace(s)))
	switch w {
	case "family", "families", "сім'я", "сім’я", "сімʼя", "родина", "родини", "родин", "сімей", "сім'ї":
		return Family, nil
	case "child", "children", "дитина", "діти", "дітей":
		return Child, nil
	case "person", "persons", "people", "особа", "особи", "осіб":
		return Person, nil
	}
	return "", Errorf("одиниця «%s» невідома; можливі: сім'я, дитина, особа (family, child, person)", "unit %q is not known; allowed: family, child, person", s)
}

// Name returns the unit's plural name in lang, as used in table headers.
func (u Unit) Name(lang Lang) string {
	names := map[Unit]Text{
		Family: {UK: "сімей", EN: "families"},
		Child:  {UK: "дітей", EN: "children"},
		Person: {UK: "осіб", EN: "persons"},
	}
	return names[u].In(lang)
}

// Service is one social service of the national classifier as the planning
// model sees it.
type Service struct {
	Code           string  // code in the classifier of social services
	Key            string  // short name used as the questionnaire option, e.g. "early_intervention"
	Name           Text    // name in Ukrainian and English
	Unit           Unit    // what a client is: a family, a child or a person
	Basic          bool    // a basic social service every community must provide
	MinimumPackage bool    // part of the minimum package for families with children
	Caseload       float64 // clients one full-time specialist serves in a year
	MinStaff       float64 // staff (FTE) a new service needs at the least
	Coverage       float64 // target share of expected users to cover, 0..1
	Uptake         float64 // share of demand expected to use the service, (0,1]; 0 reads as 1
	Source         string  // where the code, name and norms come from, with date
	// Plain says where the code and norms come from in plain words, for
	// the sheets a council reads (the research trail stays in Source);
	// empty: Source is shown.
	Plain Text
}

// Group is a population group whose needs are estimated: IDP families,
// low-income families, children with disabilities, and any group a project
// defines from survey columns.
type Group struct {
	ID            string  // short code, e.g. "idp"
	Name          Text    // name in Ukrainian and English
	Unit          Unit    // unit of the registry count
	Vulnerability float64 // weight in the priority score, 1 = ordinary
}

// Community is a territorial community (hromada).
type Community struct {
	Code       string // KATOTTG code, e.g. UA18020010000059904
	Name       Text   // name in Ukrainian and English
	Population int    // residents, for per-resident figures
}

// AnswerCount counts the answers to one survey column, for the data quality an
// assessment reports.
type AnswerCount struct {
	Column   string
	What     string // service or group id
	Answered int
	Missing  int // don't know / prefer not to answer
	NotAsked int // blank: skipped by the questionnaire
}

// Severity says whether a problem stops a command.
type Severity int

// Severities of problems.
const (
	Error Severity = iota
	Warning
)

// String returns "error" or "warning".
func (s Severity) String() string { return s.In(English) }

// In returns the severity's word in lang: "помилка"/"попередження" or
// "error"/"warning".
func (s Severity) In(lang Lang) string {
	if s == Warning {
		return Text{UK: "попередження", EN: "warning"}.In(lang)
	}
	return Text{UK: "помилка", EN: "error"}.In(lang)
}

// Problem is something wrong in an input, located as precisely as the input
// allows: file, sheet and cell (or CSV line and column).
type Problem struct {
	Severity Severity
	File     string // path as the user gave it
	Sheet    string // sheet name; empty for CSV
	Cell     string // A1 reference, row ("row 17") or empty
	Msg      Text   // what is wrong, in plain words
	Hint     Text   // what to do, or what is allowed
	// Community is the code of the community a problem is confined to (a
	// row of that community's registry counts, its survey); empty when it
	// concerns the whole project. A project run stops only that community.
	Community string
}

// Error formats the problem in English as "file: Sheet!Cell: msg; hint".
func (p Problem) Error() string { return p.In(English) }

// In formats the problem in lang as "file: Sheet!Cell: msg; hint"; a cell
// given as a row ("row 17") is written "Sheet, row 17" («рядок 17»), and
// the lines and columns of a CSV file are written in lang (cellUK).
func (p Problem) In(lang Lang) string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		b.WriteString(": ")
	}
	cell := CellIn(p.Cell, lang)
	switch {
	case p.Sheet != "" && strings.HasPrefix(p.Cell, "row "):
		b.WriteString(p.Sheet + ", " + cell + ": ")
	case p.Sheet != "" && p.Cell != "":
		b.WriteString(p.Sheet + "!" + cell + ": ")
	case p.Sheet != "":
		b.WriteString(p.Sheet + ": ")
	case p.Cell != "":
		b.WriteString(cell + ": ")
	}
	b.WriteString(p.Msg.In(lang))
	if h := p.Hint.In(lang); h != "" {
		b.WriteString("; ")
		b.WriteString(h)
	}
	return b.String()
}

// CellIn writes the place of a problem (Problem.Cell) in lang: in
// English as it is, in Ukrainian with its rows, lines and columns in
// Ukrainian words (cellUK). A plain cell reference is the same in both.
func CellIn(cell string, lang Lang) string {
	if lang == English {
		return cell
	}
	return cellUK(cell)
}

// cellUK writes in Ukrainian the places of a problem that are not plain
// cell references: "row 17" and a CSV file's "line 17" as «рядок 17»,
// "line 3, column 7" as «рядок 3, стовпець 7», "D16 (line 19)" as
// «D16 (рядок 19)».
func cellUK(cell string) string {
	if n, ok := strings.CutPrefix(cell, "row "); ok {
		return "рядок " + n
	}
	if n, ok := strings.CutPrefix(cell, "line "); ok {
		return "рядок " + strings.Replace(n, ", column ", ", стовпець ", 1)
	}
	if ref, n, ok := strings.Cut(cell, " (line "); ok && strings.HasSuffix(n, ")") {
		return ref + " (рядок " + n
	}
	return cell
}

// Problems is a list of problems that is itself an error when it holds at
// least one of severity Error.
type Problems []Problem

// Errors returns how many problems are errors.
func (ps Problems) Errors() int {
	n := 0
	for _, p := range ps {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// Error joins the problems in English, one a line.
func (ps Problems) Error() string { return ps.In(English) }

// In joins the problems in lang, one a line, each after its severity.
func (ps Problems) In(lang Lang) string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Severity.In(lang) + ": " + p.In(lang)
	}
	return strings.Join(lines, "\n")
}

// Err returns ps as an error when it holds an error, nil otherwise.
func (ps Problems) Err() error {
	if ps.Errors() == 0 {
		return nil
	}
	return ps
}
