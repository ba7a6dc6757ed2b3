package main

import (
	"bytes"
	"io"
	"io/fs"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hromada-tool/hromada/serve"
)

const pageToken = "feedfacefeedfacefeedfacefeedface"

// pageAction serves a request of the page: the token in the header, from
// the page itself.
func pageAction(t *testing.T, s *serve.Server, method, target string, body io.Reader, contentType string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, "http://127.0.0.1:5000"+target, body)
	r.Header.Set("X-Hromada-Token", pageToken)
	r.Header.Set("Sec-Fetch-Site", "same-origin")
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w
}

func pageForm(t *testing.T, s *serve.Server, target string, v url.Values) *httptest.ResponseRecorder {
	t.Helper()
	return pageAction(t, s, "POST", target, strings.NewReader(v.Encode()), "application/x-www-form-urlencoded")
}

// sameFiles fails unless every file under want is under got with the same
// bytes, and got holds no other.
func sameFiles(t *testing.T, got, want string) {
	t.Helper()
	n := 0
	err := filepath.WalkDir(want, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(want, p)
		a, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(filepath.Join(got, rel))
		if err != nil {
			t.Errorf("%s: the page did not write it: %v", rel, err)
			return nil
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s: the page's file differs from the command's", rel)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatalf("no files under %s", want)
	}
}

// A page action and the equivalent command write byte-identical files:
// a new project (init), a run of the example project, a quick look.
func TestServeSameAsCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the example project twice")
	}
	work := t.TempDir()
	s, err := serve.New(serve.Options{Work: work, Token: pageToken})
	if err != nil {
		t.Fatal(err)
	}

	t.Run("init", func(t *testing.T) {
		w := pageForm(t, s, "/project/new", url.Values{"name": {"andrushivka"}})
		if w.Code != http.StatusOK {
			t.Fatalf("new project: %d %s", w.Code, w.Body)
		}
		cli := filepath.Join(t.TempDir(), "andrushivka")
		if code := run([]string{"init", cli, "-q"}, nil, io.Discard, io.Discard); code != 0 {
			t.Fatalf("init exit %d", code)
		}
		sameFiles(t, filepath.Join(work, "andrushivka"), cli)
	})

	t.Run("run", func(t *testing.T) {
		dir := filepath.Join(work, "zhytomyr")
		copyTree(t, "../../examples/zhytomyr", dir)
		if w := pageForm(t, s, "/project/open", url.Values{"path": {dir}}); w.Code != http.StatusOK {
			t.Fatalf("open: %d %s", w.Code, w.Body)
		}
		if w := pageForm(t, s, "/run", url.Values{}); w.Code != http.StatusAccepted {
			t.Fatalf("run: %d %s", w.Code, w.Body)
		}
		for deadline := time.Now().Add(3 * time.Minute); ; time.Sleep(50 * time.Millisecond) {
			w := pageAction(t, s, "GET", "/run/status", nil, "")
			if w.Header().Get("X-Hromada-Poll") == "" {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("the page's run did not end")
			}
		}
		cli := t.TempDir()
		if code := run([]string{"run", dir, "-o", cli, "-q"}, nil, io.Discard, io.Discard); code != 0 {
			t.Fatalf("run exit %d", code)
		}
		sameFiles(t, filepath.Join(dir, "out"), cli)
		// The download is the file.
		w := pageAction(t, s, "GET", "/download/out/consolidated.xlsx", nil, "")
		want, _ := os.ReadFile(filepath.Join(cli, "consolidated.xlsx"))
		if w.Code != http.StatusOK || !bytes.Equal(w.Body.Bytes(), want) {
			t.Errorf("download of consolidated.xlsx: %d, %d bytes, want the command's %d", w.Code, w.Body.Len(), len(want))
		}
	})

	t.Run("quick", func(t *testing.T) {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		for field, path := range map[string]string{"survey": "../../examples/zhytomyr/survey/olevska.xlsx", "form": "../../examples/zhytomyr/questionnaire.xlsx"} {
			fw, err := mw.CreateFormFile(field, filepath.Base(path))
			if err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			fw.Write(data)
		}
		mw.Close()
		w := pageAction(t, s, "POST", "/quick/upload", &b, mw.FormDataContentType())
		id := regexp.MustCompile(`name="file" value="([0-9a-f]{16})"`).FindStringSubmatch(w.Body.String())
		if id == nil {
			t.Fatalf("quick upload: %d %s", w.Code, w.Body)
		}
		// The lists read from the file offer the question by its name.
		for _, opt := range []string{`<option value="needs">`, `value="idp"`, `<option value="weight">`} {
			if !strings.Contains(w.Body.String(), opt) {
				t.Errorf("the lists lack %s", opt)
			}
		}
		v := url.Values{"file": {id[1]}, "need": {"needs"}, "by": {"idp", "low_income"}, "weight": {"weight"}, "strata": {"stratum"}, "cluster": {"settlement"}}
		w = pageForm(t, s, "/quick/run", v)
		if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "quick-download") {
			t.Fatalf("quick run: %d %s", w.Code, w.Body)
		}
		cli := t.TempDir()
		copyFile(t, "../../examples/zhytomyr/survey/olevska.xlsx", filepath.Join(cli, "olevska.xlsx"))
		copyFile(t, "../../examples/zhytomyr/questionnaire.xlsx", filepath.Join(cli, "xlsform.xlsx"))
		out := filepath.Join(cli, "olevska-assessment.xlsx")
		args := []string{"assess", "--survey", filepath.Join(cli, "olevska.xlsx"), "--form", filepath.Join(cli, "xlsform.xlsx"),
			"--need", "needs", "--by", "idp,low_income", "--weight", "weight", "--strata", "stratum", "--cluster", "settlement", "-o", out, "-q"}
		var stderr bytes.Buffer
		if code := run(args, nil, io.Discard, &stderr); code != 0 {
			t.Fatalf("assess exit %d: %s", code, stderr.String())
		}
		want, _ := os.ReadFile(out)
		got := pageAction(t, s, "GET", "/quick/download/"+id[1], nil, "")
		if got.Code != http.StatusOK || !bytes.Equal(got.Body.Bytes(), want) {
			t.Errorf("the quick look's workbook (%d, %d bytes) differs from the command's (%d bytes)", got.Code, got.Body.Len(), len(want))
		}
	})
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		copyFile(t, p, filepath.Join(dst, rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// syncBuffer is a buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// serve prints the page's address with its key and serves the page
// there; an address other than this computer's warns; a request without
// the key is refused.
func TestServeCommand(t *testing.T) {
	for _, tt := range []struct {
		listen string
		warn   bool
	}{{"127.0.0.1", false}, {"0.0.0.0", true}} {
		var stdout, stderr syncBuffer
		stop := make(chan struct{})
		o := &serveOptions{app: &app{stdout: &stdout, stderr: &stderr}, listen: tt.listen, work: t.TempDir(), stop: stop}
		done := make(chan error, 1)
		go func() { done <- runServe(o) }()
		var addr string
		for deadline := time.Now().Add(10 * time.Second); addr == ""; time.Sleep(10 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("%s: no address printed: %q", tt.listen, stdout.String())
			}
			addr = regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+/\?t=[0-9a-f]{48}`).FindString(stdout.String())
		}
		resp, err := http.Get(addr)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: the page's address answers %d", tt.listen, resp.StatusCode)
		}
		resp, err = http.Get(strings.Split(addr, "?")[0])
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s: without the key the page answers %d, want 403", tt.listen, resp.StatusCode)
		}
		close(stop)
		if err := <-done; err != nil {
			t.Errorf("%s: %v", tt.listen, err)
		}
		if got := strings.Contains(stderr.String(), "попередження: сторінка доступна за адресою"); got != tt.warn {
			t.Errorf("%s: warning %v, want %v: %q", tt.listen, got, tt.warn, stderr.String())
		}
	}
}
