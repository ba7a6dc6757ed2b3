package project

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/internal/xlsx"
	"github.com/hromada-tool/hromada/kobo"
)

// addClients prepares the clients per household of every need counted in
// children or persons (METHODS.md §1.5): a roster sheet is read once, before
// the main sheet, for all the needs that point to it; a count question is a
// column of the main sheet.
func (r *surveyReader) addClients() {
	bySheet := map[string]*rosterReader{}
	for _, n := range r.needs {
		d := n.def
		if d.ClientsColumn == "" || d.Unit == "" || d.Unit == hromada.Family || n.discover {
			continue
		}
		n.countCol = -1
		if d.ClientsRepeat == "" {
			n.countCol = r.find(hromada.T("клієнтів послуги %s", "clients of %s", n.service), d.ClientsColumn, true)
			if n.countCol >= 0 {
				n.from = assess.ClientsCount
			}
			continue
		}
		ro := bySheet[strings.ToLower(d.ClientsRepeat)]
		if ro == nil {
			ro = &rosterReader{sheet: d.ClientsRepeat, orphans: true}
			for _, g := range r.m.Groups {
				if strings.EqualFold(g.Repeat, d.ClientsRepeat) {
					ro.orphans = false // the group's reader reports them
				}
			}
			bySheet[strings.ToLower(d.ClientsRepeat)] = ro
			r.rosters = append(r.rosters, ro)
		}
		n.roster, n.slot, n.from = ro, len(ro.needs), assess.ClientsRoster
		ro.needs = append(ro.needs, n)
	}
	for _, ro := range r.rosters {
		r.readRoster(ro)
	}
}

// readRoster counts, per household of roster sheet ro, the members who need
// each of its needs.
func (r *surveyReader) readRoster(ro *rosterReader) {
	fail := func() {
		for _, n := range ro.needs {
			n.from, n.roster = "", nil
		}
		ro.ch = nil
	}
	rep, err := kobo.OpenRepeat(r.f, ro.sheet, r.t)
	if err != nil {
		var ie *xlsx.InputError
		if errors.As(err, &ie) {
			services := make([]string, len(ro.needs))
			for i, n := range ro.needs {
				services[i] = n.service
			}
			ie.Msg = hromada.T("%s (аркуш членів домогосподарства для клієнтів послуг %s, стовпець clients_repeat аркуша потреб)",
				"%s (the roster sheet of the clients of %s, Needs sheet column clients_repeat)", ie.Msg, strings.Join(services, ", "))
		}
		r.addErr(err)
		fail()
		return
	}
	defer rep.Close()
	for _, n := range ro.needs {
		read, ok := r.memberQuestion(rep, n)
		if !ok {
			fail()
			return
		}
		ro.readers = append(ro.readers, read)
	}
	k := len(ro.needs)
	ch, err := kobo.Collect(rep, func(acc []float64) []float64 {
		if acc == nil {
			acc = make([]float64, k)
		}
		for j, read := range ro.readers {
			yes, err := read(rep)
			if err != nil {
				ro.problems++
				if ro.problems <= r.m.MaxPerColumn {
					r.addErr(err)
				}
				continue
			}
			if yes {
				acc[j]++
			}
		}
		return acc
	})
	if err != nil {
		r.addErr(err)
		fail()
		return
	}
	if ro.problems > r.m.MaxPerColumn {
		r.add(hromada.Problem{File: r.m.File, Sheet: rep.Sheet(),
			Msg: hromada.T("на аркуші %[2]q ще %[1]d %[4]s; показано лише перші %[3]d", "%[1]d more problems in sheet %[2]q; only the first %[3]d are listed",
				ro.problems-r.m.MaxPerColumn, rep.Sheet(), r.m.MaxPerColumn, xlsx.PluralUK(ro.problems-r.m.MaxPerColumn, "проблема", "проблеми", "проблем"))})
	}
	r.problems = append(r.problems, rep.Problems()...)
	ro.ch = ch
}

// memberQuestion finds need n's member-level question in the roster: the
// option column of a select_multiple, or a column holding either its
// space-separated codes or yes/no. It returns the reader of the current
// roster row, or false after reporting why not.
func (r *surveyReader) memberQuestion(rep *kobo.Repeat, n *needReader) (func(*kobo.Repeat) (bool, error), bool) {
	d := n.def
	opt := d.ClientsOption
	if opt == "" {
		opt = d.Option
	}
	if m, ok := rep.SelectMultiple(d.ClientsColumn); ok && opt != "" {
		if _, has := m.Options[opt]; has {
			return func(rep *kobo.Repeat) (bool, error) {
				a, err := rep.Selected(m, opt)
				return a == kobo.Selected, err
			}, true
		}
		if m.Parent < 0 {
			r.add(hromada.Problem{File: r.m.File, Sheet: rep.Sheet(), Cell: fmt.Sprintf("row %d", rep.HeaderLine()),
				Msg: hromada.T("немає стовпця для варіанта %q запитання про членів домогосподарства %q (клієнти послуги %s)",
					"no column for option %q of the member question %q (clients of %s)", opt, d.ClientsColumn, n.service),
				Hint: optionColumnHint(d.ClientsColumn, opt)})
			return nil, false
		}
	}
	col, err := rep.Lookup(d.ClientsColumn)
	if err != nil {
		r.addErr(err)
		return nil, false
	}
	return func(rep *kobo.Repeat) (bool, error) {
		v := strings.TrimSpace(rep.Row()[col])
		if v == "" || kobo.IsMissing(v) {
			return false, nil
		}
		if opt != "" && containsFold(strings.Fields(v), opt) {
			return true, nil
		}
		yes, err := xlsx.ParseYesNo(v)
		return err == nil && yes, nil
	}, true
}

// readClients sets household i's clients m_i of need n, after its y_i: the
// roster's count, or the count question capped at the household's children
// (or size). A household without roster rows or without an answer has no
// clients when it does not need the service, and unknown clients when it
// does.
func (r *surveyReader) readClients(n *needReader, i int) {
	y := n.y[i]
	none := math.NaN()
	if y == 0 {
		none = 0
	}
	m := none
	switch {
	case n.roster != nil:
		if n.roster.hasRows {
			m = n.roster.inRow[n.slot]
		}
	case n.countCol >= 0:
		v, ok, err := r.t.Number(n.countCol)
		switch {
		case err != nil:
			r.cellErr(n.countCol, err)
		case !ok:
		case v < 0 || v != math.Trunc(v):
			r.cellErr(n.countCol, &xlsx.InputError{Problem: r.t.Problem(n.countCol,
				hromada.T("%s — не кількість %s", "%s is not a number of %s", hromada.Number(v, 6), unitWord(n.def.Unit)),
				hromada.T("напишіть ціле число від 0 або залиште клітинку порожньою", "give a whole number of 0 or more, or leave it blank"))})
		default:
			m = v
			size := r.persons
			if n.def.Unit == hromada.Child {
				size = r.children
			}
			if i < len(size) && !math.IsNaN(size[i]) && v > size[i] {
				m = size[i]
				p := r.t.Problem(n.countCol, hromada.T("%s %s потребують послуги %s, але в домогосподарстві їх %s; враховано %s",
					"%s %s need %s, but the household has %s; counted as %s", hromada.Number(v, 6), unitWord(n.def.Unit), n.service, hromada.Number(size[i], 6), hromada.Number(size[i], 6)),
					hromada.T("перевірте відповідь і склад домогосподарства", "check the answer and the household's members"))
				p.Severity = hromada.Warning
				r.cellErr(n.countCol, &xlsx.InputError{Problem: p})
			}
		}
	}
	n.clients = append(n.clients, m)
}

// unitWord names the members of a household a count of clients is of:
// children, or members (of any age).
func unitWord(u hromada.Unit) hromada.Text {
	if u == hromada.Child {
		return hromada.T("дітей", "children")
	}
	return hromada.T("членів домогосподарства", "members")
}
