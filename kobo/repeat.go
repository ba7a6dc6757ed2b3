package kobo

import (
	"slices"
	"strconv"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/xlsx"
)

// Key is how the rows of a repeat-group sheet point at their household.
type Key int

// Keys that join a repeat-group sheet to the main sheet of a Kobo export.
const (
	// ByUUID joins _submission__uuid to the main sheet's _uuid (or uuid),
	// which stays the same across exports.
	ByUUID Key = iota + 1
	// ByIndex joins _parent_index to the main sheet's _index (or index),
	// which numbers the households of one export.
	ByIndex
)

// String returns the column names of the key, as "repeat → main".
func (k Key) String() string {
	if k == ByUUID {
		return "_submission__uuid → _uuid"
	}
	return "_parent_index → _index"
}

// columns returns the names the key has in a repeat sheet and in the main
// sheet, most usual first.
func (k Key) columns() (repeat, main []string) {
	if k == ByUUID {
		return []string{"_submission__uuid"}, []string{"_uuid", "uuid"}
	}
	return []string{"_parent_index"}, []string{"_index", "index"}
}

// normalize makes key values that mean the same household equal: "12" and
// "12.0" for an index; upper and lower case, and a "uuid:" prefix, for a
// UUID.
func (k Key) normalize(v string) string {
	v = strings.TrimSpace(v)
	if k == ByUUID {
		return strings.TrimPrefix(strings.ToLower(v), "uuid:")
	}
	if f, err := strconv.ParseFloat(v, 64); err == nil && f == float64(int64(f)) {
		return strconv.FormatInt(int64(f), 10)
	}
	return v
}

// Repeat is a [Table] of a repeat-group sheet (a roster of household
// members, say) whose rows know their household in the main sheet.
type Repeat struct {
	*Table
	Key     Key
	col     int    // key column in the repeat sheet
	main    *Table // the main sheet
	mainCol int    // key column in the main sheet
}

// OpenRepeat opens a repeat-group sheet of f joined to main, an open table
// of the main sheet, as [JoinRepeat] does.
func OpenRepeat(f *xlsx.File, sheet string, main *Table) (*Repeat, error) {
	t, err := OpenTable(f, sheet)
	if err != nil {
		return nil, err
	}
	r, err := JoinRepeat(t, main)
	if err != nil {
		_ = t.Close()
		return nil, err
	}
	return r, nil
}

// JoinRepeat joins repeat, an open table of a repeat-group sheet, to main,
// an open table of the main sheet; they may come from one workbook or, as
// CSV exports give them, from two files. Only the headers are needed: main
// may not have been read yet. The join is _submission__uuid → _uuid when
// both tables have those columns (the uuid is stable across exports), else
// _parent_index → _index; a main sheet's "uuid" and "index" columns serve as
// well. Neither → ErrNoColumn.
func JoinRepeat(repeat, main *Table) (*Repeat, error) {
	for _, k := range []Key{ByUUID, ByIndex} {
		repNames, mainNames := k.columns()
		col, ok := findAny(repeat.cols, repNames)
		if !ok {
			continue
		}
		mainCol, ok := findAny(main.cols, mainNames)
		if !ok {
			continue
		}
		return &Repeat{Table: repeat, Key: k, col: col, main: main, mainCol: mainCol}, nil
	}
	e := inputError(repeat.File().Path(), ErrNoColumn,
		hromada.T("%s не вдається з'єднати з %s: немає пари ключових стовпців", "%s cannot be joined to %s: no pair of key columns", where(repeat), where(main)),
		hromada.T("аркуш повтору потребує _submission__uuid (на головному: _uuid) або _parent_index (на головному: _index), як їх експортує Kobo",
			"a repeat sheet needs _submission__uuid (main: _uuid) or _parent_index (main: _index), as Kobo exports them"))
	e.Sheet = repeat.Sheet()
	return nil, e
}

func findAny(c *Columns, names []string) (int, bool) {
	for _, n := range names {
		if col, ok := c.Find(n); ok {
			return col, true
		}
	}
	return -1, false
}

// ParentKey returns the household key of the current row, normalized.
func (r *Repeat) ParentKey() string { return r.Key.normalize(r.Row()[r.col]) }

// KeyColumn returns the key's column in the repeat sheet.
func (r *Repeat) KeyColumn() int { return r.col }

// MainKeyColumn returns the key's column in the main sheet.
func (r *Repeat) MainKeyColumn() int { return r.mainCol }

// firstRow is where a household key first appears in a repeat sheet.
type firstRow struct {
	at   hromada.Problem // file, sheet and cell, to fill in
	line int
}

// Children holds one value per household, folded from the rows of a
// repeat-group sheet by [Collect]: memory grows with households, not rows.
type Children[T any] struct {
	key     Key
	mainCol int
	repName string       // for messages
	mainAt  hromada.Text // for messages
	vals    map[string]T
	first   map[string]firstRow // where each key first appears
	count   map[string]int      // rows of each key
	matched map[string]bool
}

// Collect streams a repeat-group sheet to its end, folding the rows of each
// household into one value: fold gets the household's value so far (the
// zero T at its first row) and returns the new one; it reads the current
// row from r. For example, "any member with a lot of difficulty seeing":
//
//	seeing, _ := roster.Find("wgq_vision")
//	kids, err := kobo.Collect(roster, func(found bool) bool {
//		v := roster.Row()[seeing]
//		return found || v == "lot_of_difficulty" || v == "cannot_do"
//	})
//
// Then stream the main sheet and call [Children.Get] for each of its rows.
// The error is the one that ended the sheet early ([xlsx.Table.Err]).
func Collect[T any](r *Repeat, fold func(acc T) T) (*Children[T], error) {
	c := &Children[T]{
		key: r.Key, mainCol: r.mainCol,
		repName: r.Header()[r.col], mainAt: hromada.T("%s, стовпець %s", "%s column %s", where(r.main), r.main.Header()[r.mainCol]),
		vals: map[string]T{}, first: map[string]firstRow{}, count: map[string]int{}, matched: map[string]bool{},
	}
	for r.Next() {
		k := r.ParentKey()
		if _, seen := c.first[k]; !seen {
			c.first[k] = firstRow{at: r.Problem(r.col, hromada.Text{}, hromada.Text{}), line: r.Line()}
		}
		c.count[k]++
		c.vals[k] = fold(c.vals[k])
	}
	return c, r.Err()
}

// Get returns the value folded for the household in the current row of the
// main sheet, and whether the repeat sheet has rows for it. Call it for
// every row of the main sheet, before leaving any out, so that
// [Children.Orphans] knows which households exist.
func (c *Children[T]) Get(main *Table) (T, bool) {
	k := c.key.normalize(main.Row()[c.mainCol])
	if k != "" {
		c.matched[k] = true
	}
	v, ok := c.vals[k]
	return v, ok
}

// sameExportHint is the hint of rows of a repeat sheet that match no
// household.
var sameExportHint = hromada.T("перевірте, що головний аркуш і цей аркуш — з одного експорту",
	"check that the main sheet and this sheet come from the same export")

// MaxOrphanWarnings is the most household keys [Children.Orphans] warns
// about one by one; one more warning counts the others.
const MaxOrphanWarnings = 20

// Orphans returns a warning for each household key of the repeat sheet
// that no row of the main sheet had (as far as [Children.Get] was asked),
// at the first row with that key: those rows were left out. A blank key is
// reported the same way. Past MaxOrphanWarnings keys, one warning counts
// the others and their rows.
func (c *Children[T]) Orphans() hromada.Problems {
	var orphans []firstRow
	var keys []string
	for k, f := range c.first {
		if !c.matched[k] {
			orphans = append(orphans, f)
			keys = append(keys, k)
		}
	}
	order := make([]int, len(orphans))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return orphans[a].line - orphans[b].line })
	ps := make(hromada.Problems, 0, min(len(order), MaxOrphanWarnings+1))
	var rest []int
	if len(order) > MaxOrphanWarnings {
		order, rest = order[:MaxOrphanWarnings], order[MaxOrphanWarnings:]
	}
	for _, i := range order {
		p, k := orphans[i].at, keys[i]
		p.Severity = hromada.Warning
		rows := hromada.T("його рядок пропущено", "its row is left out")
		if n := c.count[k]; n > 1 {
			rows = hromada.T("усі його %d %s пропущено", "its %d rows are left out", n, xlsx.PluralUK(n, "рядок", "рядки", "рядків"))
		}
		if k == "" {
			p.Msg = hromada.T("%s порожній, тож рядок не належить жодному домогосподарству; %s",
				"%s is blank, so the row belongs to no household; %s", c.repName, rows)
		} else {
			p.Msg = hromada.T("%s %q не відповідає жодному домогосподарству (%s); %s", "%s %q matches no household in %s; %s", c.repName, k, c.mainAt, rows)
		}
		p.Hint = sameExportHint
		ps = append(ps, p)
	}
	if len(rest) > 0 {
		rows := 0
		for _, i := range rest {
			rows += max(1, c.count[keys[i]])
		}
		p := orphans[rest[0]].at
		p.Severity = hromada.Warning
		p.Msg = hromada.T("ще %[1]d %[5]s стовпця %[2]s, звідси й далі, не відповідають жодному домогосподарству (%[3]s); пропущено %[4]d %[6]s",
			"%[1]d more values of %[2]s, from here on, match no household in %[3]s; their %[4]d rows are left out",
			len(rest), c.repName, c.mainAt, rows, xlsx.PluralUK(len(rest), "значення", "значення", "значень"), xlsx.PluralUK(rows, "рядок", "рядки", "рядків"))
		p.Hint = sameExportHint
		ps = append(ps, p)
	}
	return ps
}
