package serve

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/safefile"
	"github.com/hromada-tool/hromada/project"
)

// safeName is a file or folder name the server writes: letters, digits,
// spaces and . , _ ( ) + - only, not starting with a dot or a space.
var safeName = regexp.MustCompile(`^[\p{L}\p{N}_][\p{L}\p{N} _.,()+-]*$`)

// uploadExt are the kinds of file an upload takes.
var uploadExt = map[string]bool{".xlsx": true, ".xls": true, ".csv": true, ".zip": true}

// okName reports whether name is a plain file or folder name the server
// may write: no separator, no "..", at most 120 bytes.
func okName(name string) bool {
	return len(name) <= 120 && safeName.MatchString(name) && !strings.Contains(name, "..")
}

// okFile reports whether name is a plain name of a file an upload takes.
func okFile(name string) bool {
	return okName(name) && uploadExt[strings.ToLower(filepath.Ext(name))]
}

// projectTop are the files that go at the top of a project folder; any
// other workbook uploaded alone is a survey export.
var projectTop = map[string]bool{}

func init() {
	for _, f := range project.Files {
		projectTop[f.Name] = true
	}
	projectTop[project.FormFile] = true
	projectTop[project.CatalogueFile] = true
}

// placed is where an uploaded file goes in the project folder, as
// slash-separated segments each checked by okName.
func placed(rel string) string {
	if !strings.Contains(rel, "/") {
		if projectTop[strings.ToLower(rel)] {
			return strings.ToLower(rel)
		}
		return project.SurveyDir + "/" + rel
	}
	return rel
}

// refusal is an upload refused, with the message for the page.
type refusal struct {
	status int
	msg    string
}

func (e *refusal) Error() string { return e.msg }

// staged is an uploaded file saved in the staging folder.
type staged struct {
	name, path string
}

// upload takes workbooks, survey exports and zips of a project folder
// into the open project when it is in the working folder, or into a new
// folder of the working folder when none is open; a project opened
// elsewhere on this computer is changed in place, not by uploads. Every name is checked (okName) and every file lands inside
// the project folder; a zip with an entry that climbs out of it is refused
// whole. The request is limited to MaxUpload bytes; nothing is written
// into the project unless every file was received and checked.
func (s *Server) upload(w http.ResponseWriter, r *http.Request) {
	l := lang(r)
	if dir := s.current(); dir != "" && safefile.Inside(s.work, dir) != nil {
		// A folder opened on this computer is changed in place, in Excel;
		// uploads go into the working folder only.
		message(w, http.StatusBadRequest, "bad", tr(l, "err.outside"))
		return
	}
	stage, err := os.MkdirTemp(s.work, ".upload-*")
	if err != nil {
		message(w, http.StatusInternalServerError, "bad", say(l, "", err))
		return
	}
	defer os.RemoveAll(stage)
	files, err := s.receive(w, r, stage)
	var ref *refusal
	if errors.As(err, &ref) {
		message(w, ref.status, "bad", ref.msg)
		return
	}
	if err != nil {
		message(w, http.StatusBadRequest, "bad", say(l, "", err))
		return
	}
	plan, zips, err := s.placeAll(files, l)
	defer func() {
		for _, z := range zips {
			_ = z.Close() // read only
		}
	}()
	if errors.As(err, &ref) {
		message(w, ref.status, "bad", ref.msg)
		return
	}
	if err != nil {
		message(w, http.StatusBadRequest, "bad", say(l, "", err))
		return
	}
	dir := s.current()
	if dir == "" {
		dir = freeFolder(s.work, "upload-"+time.Now().Format("2006-01-02-150405"))
	}
	n, err := writePlaced(dir, plan)
	if err != nil {
		message(w, http.StatusInternalServerError, "bad", say(l, s.work, err))
		return
	}
	s.setCurrent(dir)
	s.projectBox(w, r, http.StatusOK, fmt.Sprintf(tr(l, "p.saved"), n))
}

// receive saves each file of the multipart request into stage, checking
// its name as the browser sent it.
func (s *Server) receive(w http.ResponseWriter, r *http.Request, stage string) ([]staged, error) {
	named, _, err := s.receiveNamed(w, r, stage)
	if err != nil {
		return nil, err
	}
	files := make([]staged, len(named))
	for i, f := range named {
		files[i] = f.staged
	}
	return files, nil
}

// field is a file received, with the form field it came in.
type field struct {
	field string
	staged
}

// maxField is the largest form field that is not a file (a password).
const maxField = 4096

// receiveNamed is receive with each file's form field, and the other
// fields' values (each at most maxField bytes).
func (s *Server) receiveNamed(w http.ResponseWriter, r *http.Request, stage string) ([]field, map[string]string, error) {
	l := lang(r)
	tooBig := &refusal{http.StatusRequestEntityTooLarge, fmt.Sprintf(tr(l, "err.size"), s.maxUpload>>20)}
	if r.ContentLength > s.maxUpload {
		return nil, nil, tooBig
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.maxUpload)
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, nil, err
	}
	var files []field
	values := map[string]string{}
	for i := 0; ; i++ {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, nil, tooBig
		}
		if err != nil {
			return nil, nil, err
		}
		name := rawFileName(part.Header.Get("Content-Disposition"))
		if name == "" {
			v, err := io.ReadAll(io.LimitReader(part, maxField))
			if errors.As(err, &mbe) {
				return nil, nil, tooBig
			}
			if err != nil {
				return nil, nil, err
			}
			values[part.FormName()] = string(v)
			continue
		}
		if !okFile(name) {
			return nil, nil, &refusal{http.StatusBadRequest, fmt.Sprintf(tr(l, "err.name"), name)}
		}
		p := filepath.Join(stage, fmt.Sprint(i))
		f, err := os.Create(p)
		if err != nil {
			return nil, nil, err
		}
		_, err = io.Copy(f, part)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if errors.As(err, &mbe) {
			return nil, nil, tooBig
		}
		if err != nil {
			return nil, nil, err
		}
		files = append(files, field{part.FormName(), staged{name: name, path: p}})
	}
	if len(files) == 0 {
		return nil, nil, &refusal{http.StatusBadRequest, tr(l, "err.nofile")}
	}
	return files, values, nil
}

// rawFileName is the file name of a part as the browser sent it (Go's
// Part.FileName keeps only its last element, which would hide a path).
func rawFileName(cd string) string {
	_, params, err := mime.ParseMediaType(cd)
	if err != nil {
		return ""
	}
	return params["filename"]
}

// source is where the bytes of a placed file come from: a staged file or
// an entry of a staged zip.
type source struct {
	file string
	zip  *zip.File
}

// placeAll decides where each file goes (placed), opening zips: a zip's
// entries keep their folders below the zip's one top folder, each folder
// and name checked; an entry that is not a workbook or survey export is
// left out; one whose path is not plain (.., an absolute path, a name
// okName refuses) refuses the upload.
func (s *Server) placeAll(files []staged, l string) (map[string]source, []*zip.ReadCloser, error) {
	plan := map[string]source{}
	var zips []*zip.ReadCloser
	for _, f := range files {
		if !strings.EqualFold(filepath.Ext(f.name), ".zip") {
			plan[placed(f.name)] = source{file: f.path}
			continue
		}
		zr, err := zip.OpenReader(f.path)
		if err != nil {
			return nil, zips, &refusal{http.StatusBadRequest, fmt.Sprintf(tr(l, "err.zip"), f.name, say(l, "", err))}
		}
		zips = append(zips, zr) // read by writePlaced; the caller closes it
		entries, err := zipEntries(zr, f.name, l)
		if err != nil {
			return nil, zips, err
		}
		for rel, zf := range entries {
			plan[rel] = source{zip: zf}
		}
	}
	return plan, zips, nil
}

// zipEntries are the entries of a zip to place, by their place.
func zipEntries(zr *zip.ReadCloser, zipName, l string) (map[string]*zip.File, error) {
	type entry struct {
		segs []string
		f    *zip.File
	}
	var kept []entry
	for _, zf := range zr.File {
		name := strings.ReplaceAll(zf.Name, "\\", "/")
		if strings.HasPrefix(name, "/") || path.IsAbs(name) || strings.Contains(name, ":") {
			return nil, &refusal{http.StatusBadRequest, fmt.Sprintf(tr(l, "err.zipname"), zipName, zf.Name)}
		}
		segs := strings.Split(strings.TrimSuffix(name, "/"), "/")
		for _, seg := range segs {
			if seg == ".." {
				return nil, &refusal{http.StatusBadRequest, fmt.Sprintf(tr(l, "err.zipname"), zipName, zf.Name)}
			}
		}
		if zf.FileInfo().IsDir() || zf.Mode()&os.ModeSymlink != 0 {
			continue
		}
		base := segs[len(segs)-1]
		if strings.HasPrefix(base, ".") || segs[0] == "__MACOSX" || !uploadExt[strings.ToLower(filepath.Ext(base))] || strings.EqualFold(filepath.Ext(base), ".zip") {
			continue
		}
		for _, seg := range segs {
			if !okName(seg) {
				return nil, &refusal{http.StatusBadRequest, fmt.Sprintf(tr(l, "err.zipname"), zipName, zf.Name)}
			}
		}
		kept = append(kept, entry{segs, zf})
	}
	// A zip of a folder holds it as its one top folder: drop it.
	if len(kept) > 0 && len(kept[0].segs) > 1 {
		top := kept[0].segs[0]
		all := true
		for _, e := range kept {
			if len(e.segs) < 2 || e.segs[0] != top {
				all = false
				break
			}
		}
		if all {
			for i := range kept {
				kept[i].segs = kept[i].segs[1:]
			}
		}
	}
	var declared uint64
	for _, e := range kept {
		declared += e.f.UncompressedSize64
	}
	if declared > maxUnpacked {
		return nil, &refusal{http.StatusRequestEntityTooLarge, fmt.Sprintf(tr(l, "err.size"), maxUnpacked>>20)}
	}
	out := map[string]*zip.File{}
	for _, e := range kept {
		if len(e.segs) > 3 {
			continue
		}
		out[placed(strings.Join(e.segs, "/"))] = e.f
	}
	return out, nil
}

// maxUnpacked is the most bytes one upload may write, its zips unpacked:
// a bound on a zip that unpacks to far more than it holds.
const maxUnpacked = 2 << 30

// errUnpacked is an upload that unpacks to more than maxUnpacked.
var errUnpacked = hromada.Errorf("файли розпаковуються в понад 2 ГБ", "the files unpack to more than 2 GB")

// writePlaced writes each planned file into dir, whole or not at all each
// (safefile.Create), checking that it lands inside dir. It returns the
// number written.
func writePlaced(dir string, plan map[string]source) (int, error) {
	n := 0
	budget := int64(maxUnpacked)
	for rel, src := range plan {
		dst := filepath.Join(dir, filepath.FromSlash(rel))
		if err := safefile.Inside(dir, dst); err != nil {
			return n, err
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return n, err
		}
		written, err := copyInto(dst, src, budget)
		if err != nil {
			return n, err
		}
		budget -= written
		n++
	}
	return n, nil
}

// copyInto writes src to dst, at most budget bytes; more is an error and
// dst is not written.
func copyInto(dst string, src source, budget int64) (int64, error) {
	var in io.ReadCloser
	var err error
	if src.zip != nil {
		in, err = src.zip.Open()
	} else {
		in, err = os.Open(src.file)
	}
	if err != nil {
		return 0, err
	}
	defer in.Close()
	t, err := safefile.Create(dst)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(t, io.LimitReader(in, budget+1))
	if err == nil && n > budget {
		err = errUnpacked
	}
	if err != nil {
		return n, errors.Join(err, t.Abort())
	}
	return n, t.Commit()
}
