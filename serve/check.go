package serve

import (
	"fmt"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/safefile"
	"github.com/hromada-tool/hromada/pipeline"
)

// checkView is the table of a check's problems, grouped by file.
type checkView struct {
	L, Summary, Count, Password string
	Errors                      int
	Files                       []fileProblems
}

type fileProblems struct {
	Name             string
	Errors, Warnings int
	// Todo is whether a problem of the file says what to do apart from
	// what is wrong: else the table has no column for it.
	Todo     bool
	Problems []problemRow
}

type problemRow struct {
	Class, Kind, Sheet, Cell, What, Todo string
}

// problemsView groups ps by file, the files named relative to the
// project folder dir, in the order they first appear.
func problemsView(l, dir string, ps hromada.Problems) *checkView {
	v := &checkView{L: l, Errors: ps.Errors()}
	warnings := len(ps) - v.Errors
	if v.Errors > 0 {
		v.Count = fmt.Sprintf(tr(l, "c.bad"), v.Errors, warnings)
	} else {
		v.Count = fmt.Sprintf(tr(l, "c.ok"), warnings)
	}
	at := map[string]int{}
	for _, p := range ps {
		if strings.Contains(p.Msg.EN+p.Hint.EN, "password") {
			v.Password = tr(l, "c.pwhint")
		}
		name := tr(l, "c.project")
		if p.File != "" {
			name = safefile.Rel(dir, p.File)
		}
		i, ok := at[name]
		if !ok {
			i = len(v.Files)
			at[name] = i
			v.Files = append(v.Files, fileProblems{Name: name})
		}
		row := problemRow{Class: "warning", Kind: tr(l, "c.warning"), Sheet: p.Sheet, Cell: hromada.CellIn(p.Cell, hl(l)),
			What: clean(dir, p.Msg.In(hl(l))), Todo: clean(dir, p.Hint.In(hl(l)))}
		if p.Severity == hromada.Error {
			row.Class, row.Kind = "error", tr(l, "c.error")
			v.Files[i].Errors++
		} else {
			v.Files[i].Warnings++
		}
		v.Files[i].Todo = v.Files[i].Todo || row.Todo != ""
		v.Files[i].Problems = append(v.Files[i].Problems, row)
	}
	return v
}

// check checks the open project as hromada check does and shows every
// problem.
func (s *Server) check(w http.ResponseWriter, r *http.Request) {
	l := lang(r)
	dir := s.current()
	if dir == "" {
		message(w, http.StatusBadRequest, "bad", tr(l, "err.noproject"))
		return
	}
	c := pipeline.CheckProject(dir, r.FormValue("password"), 0)
	v := problemsView(l, dir, c.Problems)
	if p := c.Project; p != nil && len(p.Communities) > 0 {
		v.Summary = fmt.Sprintf(tr(l, "c.summary"), len(p.Communities), len(p.Groups), len(p.Needs), len(p.Providers))
	}
	render(w, http.StatusOK, "check", v)
}

// rel is path relative to the project folder dir, for the page.
func rel(dir, path string) string {
	if r, err := filepath.Rel(dir, path); err == nil {
		return r
	}
	return filepath.Base(path)
}
