// Package serve is hromada's page in a browser: a local web server that
// does what the commands do — start or open a project, check it, run it,
// look at the results and download the workbooks, and the quick look at
// one survey — for planners who do not use a terminal.
//
// The handlers call the functions of package pipeline that the commands
// call, so a page action and the equivalent command write the same
// workbooks. The page is safe by default: it listens on loopback; every
// request carries the session's token (in the URL once, then a cookie);
// every action that changes something carries it in a header or form
// field too and comes from the page itself (Origin, Sec-Fetch-Site);
// uploads are limited in size and written only inside the working folder
// under names the server makes safe; passwords of protected workbooks
// come with each request and are never stored. The page's assets are
// embedded: nothing is fetched from the internet.
package serve

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/hromada-tool/hromada"
)

// Options configure a Server.
type Options struct {
	// Work is the working folder: new projects, uploads and quick looks
	// are kept there. It is made when missing.
	Work string
	// Project, when set, is the project folder opened at the start.
	Project string
	// MaxUpload is the largest request body of an upload, in bytes; 0:
	// DefaultMaxUpload.
	MaxUpload int64
	// Token is the session's token; "" makes a random one.
	Token string
	// Listen is the address the page listens on (host, or host:port), as
	// --listen gives it; "" is this computer only. Requests are accepted
	// only for this computer's loopback names and addresses and this one
	// (allowedHost).
	Listen string
	// Stage, when set, is told of each stage a community of a run has
	// done, after the page's progress shows it. It is called from the
	// goroutines that run the communities, and the community waits for
	// it: a test holds a run there to see its progress.
	Stage func(community int, stage string)
}

// DefaultMaxUpload is the largest upload (all its files together): 200 MB,
// more than a project's surveys of several thousand households.
const DefaultMaxUpload = 200 << 20

// Cookie names.
const (
	tokenCookie = "hromada_token"
	langCookie  = "hromada_lang"
	// tokenHeader carries the token on the page's actions.
	tokenHeader = "X-Hromada-Token"
)

// Server is the page's server. It is an http.Handler.
type Server struct {
	work      string
	token     string
	maxUpload int64
	listen    string // the host of Options.Listen, "" none
	onStage   func(community int, stage string)
	mux       *http.ServeMux

	mu       sync.Mutex
	project  string          // the open project folder, absolute; "" none
	runs     map[string]*job // the last run of each project folder
	restored map[string]bool // the project folders whose last run was rebuilt (jobOf)
	// restoring is held while a run is rebuilt from the workbooks.
	restoring sync.Mutex
}

// New makes a server with its working folder.
func New(o Options) (*Server, error) {
	if o.Work == "" {
		return nil, hromada.Errorf("не вказано робочої папки", "no working folder")
	}
	work, err := filepath.Abs(o.Work)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(work, 0o755); err != nil {
		return nil, hromada.Errorf("не вдалося створити робочу папку: %w", "cannot make the working folder: %w", err)
	}
	s := &Server{work: work, token: o.Token, maxUpload: o.MaxUpload, listen: hostOnly(o.Listen), onStage: o.Stage, runs: map[string]*job{}, restored: map[string]bool{}}
	if s.token == "" {
		b := make([]byte, 24)
		if _, err := rand.Read(b); err != nil {
			return nil, err
		}
		s.token = hex.EncodeToString(b)
	}
	if s.maxUpload <= 0 {
		s.maxUpload = DefaultMaxUpload
	}
	if o.Project != "" {
		dir, err := projectFolder(o.Project)
		if err != nil {
			return nil, err
		}
		s.project = dir
	}
	s.routes()
	return s, nil
}

// Token is the session's token, which the page's URL carries.
func (s *Server) Token() string { return s.token }

// Work is the working folder.
func (s *Server) Work() string { return s.work }

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", s.page)
	m.HandleFunc("GET /assets/{name}", s.asset)
	m.HandleFunc("POST /project/new", s.newProject)
	m.HandleFunc("POST /project/open", s.openProject)
	m.HandleFunc("POST /project/upload", s.upload)
	m.HandleFunc("POST /check", s.check)
	m.HandleFunc("POST /run", s.startRun)
	m.HandleFunc("GET /run/status", s.runStatus)
	m.HandleFunc("GET /results", s.results)
	m.HandleFunc("GET /download/{where}/{name}", s.download)
	m.HandleFunc("POST /quick/upload", s.quickUpload)
	m.HandleFunc("POST /quick/run", s.quickRun)
	m.HandleFunc("GET /quick/download/{name}", s.quickDownload)
	s.mux = m
}

// ServeHTTP checks every request's token, and an action's origin, before
// its handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
	if !s.allowedHost(r.Host) {
		// Another name that leads to this computer: a page of another site
		// whose name was pointed here (DNS rebinding).
		http.Error(w, "This page answers only at the address hromada serve printed. / Сторінка відповідає лише за адресою, яку надрукувала команда hromada serve.", http.StatusMisdirectedRequest)
		return
	}
	if !s.hasToken(r) {
		http.Error(w, "This page needs the address hromada serve printed (with its token). / Відкрийте адресу, яку надрукувала команда hromada serve (з ключем).", http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		if err := s.sameOrigin(r); err != nil {
			http.Error(w, hromada.Message(err, hl(lang(r))), http.StatusForbidden)
			return
		}
	}
	if q := r.URL.Query().Get("t"); q != "" && r.Method == http.MethodGet {
		http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: s.token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
	}
	s.mux.ServeHTTP(w, r)
}

func (s *Server) equal(v string) bool {
	return v != "" && subtle.ConstantTimeCompare([]byte(v), []byte(s.token)) == 1
}

// hasToken reports whether r carries the session's token: in the URL (the
// address printed), the cookie set from it, or the action header.
func (s *Server) hasToken(r *http.Request) bool {
	if s.equal(r.URL.Query().Get("t")) || s.equal(r.Header.Get(tokenHeader)) {
		return true
	}
	c, err := r.Cookie(tokenCookie)
	return err == nil && s.equal(c.Value)
}

// sameOrigin is the check of an action (a request that changes
// something): it carries the token in the header (or the form field
// "token", which a page on another site cannot know) and, when the browser
// says where it comes from, it comes from this page.
func (s *Server) sameOrigin(r *http.Request) error {
	if !s.equal(r.Header.Get(tokenHeader)) && !s.equal(r.URL.Query().Get("csrf")) {
		return hromada.Errorf("дію не з цієї сторінки відхилено", "an action from outside this page is refused")
	}
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		return errOtherSite
	}
	if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host {
		return errOtherSite
	}
	return nil
}

// errOtherSite is an action that comes from a page of another site.
var errOtherSite = hromada.Errorf("дію з іншого сайту відхилено", "an action from another site is refused")

// hostOnly is the host of addr (host:port, or a host alone), without the
// brackets of an IPv6 address, in lower case.
func hostOnly(addr string) string {
	if h, _, err := net.SplitHostPort(addr); err == nil {
		addr = h
	}
	return strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(addr, "["), "]"))
}

// allowedHost reports whether host, a request's Host header, names this
// server: "localhost", a loopback address, or the address it listens on
// (Options.Listen). When that is every address (0.0.0.0, ::), any IP
// address is taken, as the others on the network reach the page by one of
// this computer's. A domain name other than localhost is refused: a page
// of another site whose name is made to lead to this computer (DNS
// rebinding) sends its own name, and an IP address cannot be so made.
func (s *Server) allowedHost(host string) bool {
	h := hostOnly(host)
	if h == "" {
		return false
	}
	if h == "localhost" || h == s.listen {
		return true
	}
	ip := net.ParseIP(h)
	if ip == nil {
		return false
	}
	if ip.IsLoopback() {
		return true
	}
	l := net.ParseIP(s.listen)
	return l != nil && (l.IsUnspecified() || l.Equal(ip))
}

// Loopback reports whether addr (host:port) listens on this computer only.
func Loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// projectFolder is dir as an absolute path when it is a project folder
// (one holding project.xlsx).
func projectFolder(dir string) (string, error) {
	abs, err := filepath.Abs(filepath.Clean(dir))
	if err != nil {
		return "", err
	}
	st, err := os.Stat(abs)
	if err != nil || !st.IsDir() {
		return "", hromada.Errorf("%s — не папка", "%s is not a folder", dir)
	}
	if _, err := os.Stat(filepath.Join(abs, "project.xlsx")); err != nil {
		return "", hromada.Errorf("у %s немає project.xlsx", "%s has no project.xlsx", dir)
	}
	return abs, nil
}

// current is the open project folder, "" when none.
func (s *Server) current() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.project
}

func (s *Server) setCurrent(dir string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.project = dir
}

// outDir is the folder a project's run writes into: out inside it.
func outDir(project string) string { return filepath.Join(project, "out") }

// lang is the page's language: the cookie set by the switch, Ukrainian by
// default.
func lang(r *http.Request) string {
	if l := r.URL.Query().Get("lang"); l == "en" || l == "uk" {
		return l
	}
	if c, err := r.Cookie(langCookie); err == nil && c.Value == "en" {
		return "en"
	}
	return "uk"
}

// hl is the page's language l as hromada's.
func hl(l string) hromada.Lang {
	if l == "en" {
		return hromada.English
	}
	return hromada.Ukrainian
}

// say is err's message in the page's language l (hromada.Message),
// without the folders above base.
func say(l, base string, err error) string {
	return clean(base, hromada.Message(err, hl(l)))
}

// clean is a message without the folders above base, for the page.
func clean(base, msg string) string {
	if base == "" {
		return msg
	}
	return strings.ReplaceAll(msg, base+string(filepath.Separator), "")
}
