package serve

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/hromada-tool/hromada/internal/safefile"
	"github.com/hromada-tool/hromada/pipeline"
)

//go:embed assets
var assets embed.FS

var page = template.Must(template.New("").Funcs(template.FuncMap{
	"tr":  tr,
	"trf": func(l, key string, a ...any) string { return fmt.Sprintf(tr(l, key), a...) },
}).ParseFS(assets, "assets/page.html"))

// render writes the template name with data as an HTML page or fragment.
func render(w http.ResponseWriter, status int, name string, data any) {
	var b bytes.Buffer
	if err := page.ExecuteTemplate(&b, name, data); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = b.WriteTo(w) // the browser went away: nothing to do
}

// message writes a one-line answer to an action.
func message(w http.ResponseWriter, status int, class, text string) {
	render(w, status, "message", struct{ Class, Text string }{class, text})
}

// projectView is the project box.
type projectView struct {
	L, Project, Note string
	Files            []string
}

func (s *Server) projectView(l, note string) projectView {
	v := projectView{L: l, Project: s.current(), Note: note}
	if v.Project != "" {
		v.Files = projectFiles(v.Project)
	}
	return v
}

// projectFiles are the workbooks at the top of a project folder, which
// the page offers to download.
func projectFiles(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if e.Type().IsRegular() && downloadable(e.Name()) {
			out = append(out, e.Name())
		}
	}
	return out
}

func downloadable(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return !strings.HasPrefix(name, ".") && (ext == ".xlsx" || ext == ".csv")
}

func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	l := lang(r)
	if q := r.URL.Query().Get("lang"); q != "" {
		http.SetCookie(w, &http.Cookie{Name: langCookie, Value: l, Path: "/", SameSite: http.SameSiteStrictMode})
	}
	render(w, http.StatusOK, "page", struct {
		projectView
		Token, Work string
	}{s.projectView(l, ""), s.token, s.work})
}

func (s *Server) asset(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	types := map[string]string{".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}
	ct, ok := types[filepath.Ext(name)]
	if !ok {
		http.NotFound(w, r)
		return
	}
	b, err := fs.ReadFile(assets, "assets/"+name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", ct)
	_, _ = w.Write(b)
}

func (s *Server) projectBox(w http.ResponseWriter, r *http.Request, status int, note string) {
	w.Header().Set("X-Hromada-Project", "1")
	render(w, status, "project", s.projectView(lang(r), note))
}

// newProject writes a project from the starter templates (as hromada
// init) into a new folder of the working folder, named after the name
// typed, and opens it.
func (s *Server) newProject(w http.ResponseWriter, r *http.Request) {
	l := lang(r)
	name := safefile.Name(transliterate(r.FormValue("name")))
	if name == "" {
		name = "project"
	}
	dir := freeFolder(s.work, name)
	if err := pipeline.WriteStarter(dir, hl(l)); err != nil {
		message(w, http.StatusInternalServerError, "bad", say(l, s.work, err))
		return
	}
	s.setCurrent(dir)
	s.projectBox(w, r, http.StatusOK, tr(l, "p.created"))
}

// freeFolder is a folder of work named name, or name-2, name-3… when that
// is taken.
func freeFolder(work, name string) string {
	dir := filepath.Join(work, name)
	for i := 2; ; i++ {
		if _, err := os.Lstat(dir); os.IsNotExist(err) {
			return dir
		}
		dir = filepath.Join(work, fmt.Sprintf("%s-%d", name, i))
	}
}

// openProject opens a project folder on this computer, named by its path.
func (s *Server) openProject(w http.ResponseWriter, r *http.Request) {
	l := lang(r)
	dir, err := projectFolder(strings.TrimSpace(r.FormValue("path")))
	if err != nil {
		s.projectBox(w, r, http.StatusBadRequest, fmt.Sprintf(tr(l, "err.notproject"), say(l, "", err)))
		return
	}
	s.forget(dir) // its results are rebuilt from its workbooks as they now stand
	s.setCurrent(dir)
	s.projectBox(w, r, http.StatusOK, tr(l, "p.opened"))
}

// download sends a workbook of the open project (where "project") or of
// its last run (where "out"). The name must be one of that folder's
// workbooks as listed by the server: no path from the request reaches the
// file system.
func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	dir := s.current()
	if dir == "" {
		http.NotFound(w, r)
		return
	}
	switch r.PathValue("where") {
	case "project":
	case "out":
		dir = outDir(dir)
	default:
		http.NotFound(w, r)
		return
	}
	sendListed(w, r, dir, r.PathValue("name"))
}

// sendListed sends the file of dir named name when name is one of the
// workbooks listed in dir.
func sendListed(w http.ResponseWriter, r *http.Request, dir, name string) {
	if !slices.Contains(projectFiles(dir), name) {
		http.Error(w, tr(lang(r), "err.nofilefound"), http.StatusNotFound)
		return
	}
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		http.Error(w, tr(lang(r), "err.nofilefound"), http.StatusNotFound)
		return
	}
	defer f.Close()
	ct := "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	if strings.EqualFold(filepath.Ext(name), ".csv") {
		ct = "text/csv; charset=utf-8"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+pathEscape(name))
	http.ServeContent(w, r, name, time.Time{}, f)
}

// pathEscape percent-encodes a file name for Content-Disposition.
func pathEscape(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
