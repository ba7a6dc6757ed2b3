package serve

import (
	"archive/zip"
	"bytes"
	"html/template"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every request needs the session's token; an action needs it in the
// header (or csrf field) and must not come from another site.
func TestTokenAndOrigin(t *testing.T) {
	s := newTest(t, Options{})
	withCookie := func(r *http.Request) *http.Request {
		r.AddCookie(&http.Cookie{Name: tokenCookie, Value: testToken})
		return r
	}
	body := func() *http.Request {
		b, ct := form("name=x")
		r, _ := http.NewRequest("POST", "http://127.0.0.1:5000/project/new", b)
		r.Header.Set("Content-Type", ct)
		r.Host = "127.0.0.1:5000"
		return r
	}
	tests := []struct {
		name string
		req  func() *http.Request
		want int
	}{
		{"page without token", func() *http.Request { r, _ := http.NewRequest("GET", "http://127.0.0.1:5000/", nil); return r }, http.StatusForbidden},
		{"page with a wrong token", func() *http.Request {
			r, _ := http.NewRequest("GET", "http://127.0.0.1:5000/?t=deadbeef", nil)
			return r
		}, http.StatusForbidden},
		{"download without token", func() *http.Request {
			r, _ := http.NewRequest("GET", "http://127.0.0.1:5000/download/project/project.xlsx", nil)
			return r
		}, http.StatusForbidden},
		{"page with the token", func() *http.Request {
			r, _ := http.NewRequest("GET", "http://127.0.0.1:5000/?t="+testToken, nil)
			return r
		}, http.StatusOK},
		{"page with the cookie", func() *http.Request {
			r, _ := http.NewRequest("GET", "http://127.0.0.1:5000/", nil)
			return withCookie(r)
		}, http.StatusOK},
		// A form on another site posts with the browser's cookie, but
		// cannot set the header.
		{"cross-site form post with the cookie", func() *http.Request {
			r := withCookie(body())
			r.Header.Set("Origin", "http://evil.example")
			r.Header.Set("Sec-Fetch-Site", "cross-site")
			return r
		}, http.StatusForbidden},
		{"post with the cookie and no header", func() *http.Request { return withCookie(body()) }, http.StatusForbidden},
		{"post with the header from another origin", func() *http.Request {
			r := body()
			r.Header.Set(tokenHeader, testToken)
			r.Header.Set("Origin", "http://evil.example")
			return r
		}, http.StatusForbidden},
		{"post with the header, cross-site fetch", func() *http.Request {
			r := body()
			r.Header.Set(tokenHeader, testToken)
			r.Header.Set("Sec-Fetch-Site", "cross-site")
			return r
		}, http.StatusForbidden},
		{"post with the URL token only", func() *http.Request {
			r := body()
			r.URL.RawQuery = "t=" + testToken
			return r
		}, http.StatusForbidden},
		{"post from the page", func() *http.Request {
			r := body()
			r.Header.Set(tokenHeader, testToken)
			r.Header.Set("Origin", "http://127.0.0.1:5000")
			r.Header.Set("Sec-Fetch-Site", "same-origin")
			return r
		}, http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := do(s, tt.req())
			if w.Code != tt.want {
				t.Errorf("status %d, want %d: %s", w.Code, tt.want, w.Body)
			}
		})
	}
	// Only the accepted post made a project.
	entries, _ := os.ReadDir(s.Work())
	if len(entries) != 1 || entries[0].Name() != "x" {
		t.Errorf("working folder holds %v, want only the project x", entries)
	}
}

// An upload whose file name is a path, or a zip with an entry that climbs
// out of the folder, is refused whole; nothing is written anywhere.
func TestUploadNamesRefused(t *testing.T) {
	tests := []struct {
		name  string
		parts []part
	}{
		{"../../x", []part{{"files", "../../x.xlsx", []byte("PK")}}},
		{"../../x without extension", []part{{"files", "../../x", []byte("x")}}},
		{"absolute", []part{{"files", "/etc/x.xlsx", []byte("x")}}},
		{"windows path", []part{{"files", `..\..\x.xlsx`, []byte("x")}}},
		{"hidden", []part{{"files", ".x.xlsx", []byte("x")}}},
		{"not a workbook", []part{{"files", "x.exe", []byte("x")}}},
		{"good then bad", []part{{"files", "registry.xlsx", []byte("x")}, {"files", "../x.csv", []byte("x")}}},
		{"zip slip", []part{{"files", "p.zip", zipOf(t, [2]string{"p/project.xlsx", "x"}, [2]string{"p/../../../evil.xlsx", "x"})}}},
		{"zip with an absolute entry", []part{{"files", "p.zip", zipOf(t, [2]string{"/tmp/evil.xlsx", "x"})}}},
		{"zip with a backslash entry", []part{{"files", "p.zip", zipOf(t, [2]string{`..\evil.xlsx`, "x"})}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			work := filepath.Join(root, "a", "b", "work")
			s := newTest(t, Options{Work: work})
			b, ct := multipartBody(t, tt.parts...)
			w := do(s, action("POST", "/project/upload", b, ct))
			if w.Code != http.StatusBadRequest {
				t.Errorf("status %d, want 400: %s", w.Code, w.Body)
			}
			if got := files(t, root); len(got) != 0 {
				t.Errorf("files written: %v", got)
			}
			if s.current() != "" {
				t.Errorf("a project was opened: %s", s.current())
			}
		})
	}
}

// An upload larger than the limit is refused and leaves nothing.
func TestUploadTooLarge(t *testing.T) {
	for _, declared := range []bool{true, false} {
		s := newTest(t, Options{MaxUpload: 1 << 10})
		b, ct := multipartBody(t, part{"files", "olevska.xlsx", make([]byte, 4<<10)})
		r := action("POST", "/project/upload", b, ct)
		if !declared {
			r.ContentLength = -1 // sent in chunks: the limit is found while reading
		}
		w := do(s, r)
		if w.Code != http.StatusRequestEntityTooLarge {
			t.Errorf("declared %v: status %d, want 413: %s", declared, w.Code, w.Body)
		}
		if got := files(t, s.Work()); len(got) != 0 {
			t.Errorf("declared %v: files written: %v", declared, got)
		}
	}
}

// Files uploaded one by one and in a zip of the folder land in the
// project's places: the project's workbooks at the top, survey exports in
// survey/; other entries of the zip are left out.
func TestUploadPlaces(t *testing.T) {
	s := newTest(t, Options{})
	b, ct := multipartBody(t,
		part{"files", "project.xlsx", []byte("p")},
		part{"files", "Олевська опитування.xlsx", []byte("s")},
		part{"files", "folder.zip", zipOf(t,
			[2]string{"zhytomyr/registry.xlsx", "r"},
			[2]string{"zhytomyr/README.md", "readme"},
			[2]string{"zhytomyr/survey/olevska.xlsx", "o"},
			[2]string{"__MACOSX/zhytomyr/._x.xlsx", "junk"})},
	)
	w := do(s, action("POST", "/project/upload", b, ct))
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	dir := s.current()
	if dir == "" || !strings.HasPrefix(dir, s.Work()) {
		t.Fatalf("project %q is not in the working folder %s", dir, s.Work())
	}
	got := strings.Join(files(t, dir), " ")
	want := "project.xlsx registry.xlsx survey/olevska.xlsx survey/Олевська опитування.xlsx"
	if got != want {
		t.Errorf("files %q, want %q", got, want)
	}
	if !strings.Contains(w.Body.String(), "4") {
		t.Errorf("the page does not say 4 files were saved: %s", w.Body)
	}
}

// A download names a file the server listed: a path is not found.
func TestDownloadListedOnly(t *testing.T) {
	s := newTest(t, Options{})
	copyDir(t, example, filepath.Join(s.Work(), "p"))
	s.setCurrent(filepath.Join(s.Work(), "p"))
	for _, tt := range []struct {
		url  string
		want int
	}{
		{"/download/project/project.xlsx", http.StatusOK},
		{"/download/project/..%2Fp%2Fproject.xlsx", http.StatusNotFound},
		{"/download/project/survey%2Folevska.xlsx", http.StatusNotFound},
		{"/download/project/README.md", http.StatusNotFound},
		{"/download/elsewhere/project.xlsx", http.StatusNotFound},
		{"/download/out/consolidated.xlsx", http.StatusNotFound},
		{"/quick/download/..%2F..", http.StatusNotFound},
	} {
		w := do(s, action("GET", tt.url, nil, ""))
		if w.Code != tt.want {
			t.Errorf("%s: status %d, want %d", tt.url, w.Code, tt.want)
		}
	}
}

// Loopback names the addresses of this computer only.
func TestLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:80": true, "[::1]:80": true, "localhost:1": true,
		"0.0.0.0:80": false, "192.168.1.2:80": false, "[::]:80": false, "nonsense": false,
	} {
		if got := Loopback(addr); got != want {
			t.Errorf("Loopback(%q) = %v, want %v", addr, got, want)
		}
	}
}

// A project opened from a folder outside the working folder takes no
// upload: uploads stay in the working folder.
func TestUploadOutsideWorkRefused(t *testing.T) {
	s := newTest(t, Options{})
	outside := t.TempDir()
	copyDir(t, example, outside)
	s.setCurrent(outside)
	b, ct := multipartBody(t, part{"files", "registry.xlsx", []byte("x")})
	w := do(s, action("POST", "/project/upload", b, ct))
	if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), template.HTMLEscapeString(tr("uk", "err.outside"))) {
		t.Errorf("status %d: %s", w.Code, w.Body)
	}
	if got, _ := os.ReadFile(filepath.Join(outside, "registry.xlsx")); string(got) == "x" {
		t.Error("the project outside the working folder was changed")
	}
}

// A zip that says it unpacks to more than 2 GB is refused before anything
// is written.
func TestUploadZipBomb(t *testing.T) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "survey/big.csv", Method: zip.Deflate, CompressedSize64: 1, UncompressedSize64: 3 << 30})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte{0}); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	s := newTest(t, Options{})
	body, ct := multipartBody(t, part{"files", "p.zip", b.Bytes()})
	resp := do(s, action("POST", "/project/upload", body, ct))
	if resp.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("status %d, want 413: %s", resp.Code, resp.Body)
	}
	if got := files(t, s.Work()); len(got) != 0 {
		t.Errorf("files written: %v", got)
	}
}

// Only this computer's loopback names and addresses and the address the
// page listens on are answered: a page of another site whose name leads
// to this computer (DNS rebinding) sends that name as its Host and is
// refused, even with the token (it could have read the page's address).
func TestHostRefused(t *testing.T) {
	tests := []struct {
		listen, host string
		want         int
	}{
		{"", "127.0.0.1:5000", http.StatusOK},
		{"", "localhost:5000", http.StatusOK},
		{"", "LOCALHOST:5000", http.StatusOK},
		{"", "127.0.0.2:5000", http.StatusOK}, // all of 127.0.0.0/8 is loopback
		{"", "[::1]:5000", http.StatusOK},
		{"", "[::1]", http.StatusOK},
		{"", "evil.example:5000", http.StatusMisdirectedRequest},
		{"", "localhost.evil.example:5000", http.StatusMisdirectedRequest},
		{"", "192.168.1.5:5000", http.StatusMisdirectedRequest},
		{"", "", http.StatusMisdirectedRequest},
		{"127.0.0.1", "evil.example:5000", http.StatusMisdirectedRequest},
		{"192.168.1.5", "192.168.1.5:5000", http.StatusOK},
		{"192.168.1.5", "192.168.1.6:5000", http.StatusMisdirectedRequest},
		{"192.168.1.5", "evil.example:5000", http.StatusMisdirectedRequest},
		{"192.168.1.5", "127.0.0.1:5000", http.StatusOK},
		// Listening on every address, the others reach the page by one
		// of this computer's addresses; a name is still refused.
		{"0.0.0.0", "10.0.0.7:5000", http.StatusOK},
		{"0.0.0.0", "evil.example:5000", http.StatusMisdirectedRequest},
		{"::", "[fe80::1]:5000", http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.listen+" "+tt.host, func(t *testing.T) {
			s := newTest(t, Options{Listen: tt.listen})
			r, _ := http.NewRequest("GET", "http://127.0.0.1:5000/?t="+testToken, nil)
			r.Host = tt.host
			if w := do(s, r); w.Code != tt.want {
				t.Errorf("status %d, want %d: %s", w.Code, tt.want, w.Body)
			}
		})
	}
}
