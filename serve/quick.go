package serve

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/internal/safefile"
	"github.com/hromada-tool/hromada/internal/xlsx"
	"github.com/hromada-tool/hromada/kobo"
	"github.com/hromada-tool/hromada/pipeline"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook/assessbook"
)

// quickDir is the folder of the quick looks in the working folder; each
// look has a folder of its own named by a random id.
const quickDir = "quick"

var quickID = regexp.MustCompile(`^[0-9a-f]{16}$`)

// formName is the name the XLSForm of a quick look is kept under.
const formName = "xlsform.xlsx"

// choice is an entry of a list the page offers: the column's name in the
// file, and what the page shows.
type choice struct{ Value, Label string }

type quickForm struct {
	L, File, Form, Read    string
	Needs, Groups, Columns []choice
}

// quickUpload keeps a survey export (and its XLSForm, when given) in a
// new folder of the working folder and offers the lists to choose the
// need question and the groups from, read from the file.
func (s *Server) quickUpload(w http.ResponseWriter, r *http.Request) {
	l := lang(r)
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		message(w, http.StatusInternalServerError, "bad", say(l, "", err))
		return
	}
	id := hex.EncodeToString(b)
	dir := filepath.Join(s.work, quickDir, id)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		message(w, http.StatusInternalServerError, "bad", say(l, "", err))
		return
	}
	stage, err := os.MkdirTemp(s.work, ".upload-*")
	if err != nil {
		message(w, http.StatusInternalServerError, "bad", say(l, "", err))
		return
	}
	defer os.RemoveAll(stage)
	files, values, err := s.receiveFields(w, r, stage, map[string]bool{"survey": true, "form": true})
	var ref *refusal
	if errors.As(err, &ref) {
		os.RemoveAll(dir)
		message(w, ref.status, "bad", ref.msg)
		return
	}
	if err != nil {
		os.RemoveAll(dir)
		message(w, http.StatusBadRequest, "bad", say(l, "", err))
		return
	}
	sv, ok := files["survey"]
	if !ok || strings.EqualFold(filepath.Ext(sv.name), ".zip") {
		os.RemoveAll(dir)
		message(w, http.StatusBadRequest, "bad", tr(l, "err.nosurvey"))
		return
	}
	plan := map[string]source{sv.name: {file: sv.path}}
	if fm, ok := files["form"]; ok {
		plan[formName] = source{file: fm.path}
	}
	if _, err := writePlaced(dir, plan); err != nil {
		message(w, http.StatusInternalServerError, "bad", say(l, s.work, err))
		return
	}
	v, err := s.quickLists(l, id, values["password"])
	if err != nil {
		message(w, http.StatusBadRequest, "bad", say(l, dir, err))
		return
	}
	render(w, http.StatusOK, "quickform", v)
}

// receiveFields saves the files of the multipart request's fields
// (one each) into stage, as receive does, and returns the values of its
// other fields.
func (s *Server) receiveFields(w http.ResponseWriter, r *http.Request, stage string, fields map[string]bool) (map[string]staged, map[string]string, error) {
	out := map[string]staged{}
	files, values, err := s.receiveNamed(w, r, stage)
	if err != nil {
		return nil, nil, err
	}
	for _, f := range files {
		if fields[f.field] {
			out[f.field] = f.staged
		}
	}
	return out, values, nil
}

// quickLook is a quick look's folder, survey and XLSForm, found by its id.
type quickLook struct {
	dir, survey, form string
}

func (s *Server) look(id string) (quickLook, error) {
	if !quickID.MatchString(id) {
		return quickLook{}, errNoSurvey
	}
	q := quickLook{dir: filepath.Join(s.work, quickDir, id)}
	entries, err := os.ReadDir(q.dir)
	if err != nil {
		return q, errNoSurvey
	}
	for _, e := range entries {
		switch {
		case !e.Type().IsRegular() || strings.HasPrefix(e.Name(), "."):
		case e.Name() == formName:
			q.form = filepath.Join(q.dir, formName)
		case !strings.HasSuffix(e.Name(), "-assessment.xlsx"):
			q.survey = filepath.Join(q.dir, e.Name())
		}
	}
	if q.survey == "" {
		return q, errNoSurvey
	}
	return q, nil
}

// errNoSurvey is a quick look that is not in the working folder.
var errNoSurvey = hromada.Errorf("такого опитування немає; завантажте експорт знову", "no such survey; upload the export again")

// header is the survey's header row; pw opens a protected workbook.
func header(path, pw string) ([]string, error) {
	f, err := kobo.Open(path, xlsx.OpenOptions{Password: pw})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t, err := kobo.OpenTable(f, "")
	if err != nil {
		return nil, err
	}
	return t.Header(), nil
}

// quickLists are the lists of a survey's columns the page offers: for
// the need question, the select_multiple questions first (a column whose
// options are columns NAME/OPTION), then every other question; for the
// groups and the design, every question but the options and the export's
// metadata. With an XLSForm, each shows its label too.
func (s *Server) quickLists(l, id, pw string) (*quickForm, error) {
	q, err := s.look(id)
	if err != nil {
		return nil, err
	}
	hdr, err := header(q.survey, pw)
	if err != nil {
		return nil, err
	}
	var form *kobo.Form
	if q.form != "" {
		if form, err = kobo.ReadXLSForm(q.form); err != nil {
			return nil, err
		}
	}
	// The export's metadata and the form's clock and device fields are
	// neither needs nor groups.
	meta := map[string]bool{"start": true, "end": true, "today": true, "deviceid": true, "subscriberid": true, "simserial": true,
		"phonenumber": true, "username": true, "audit": true, "instanceid": true}
	for _, m := range kobo.MetadataColumns() {
		meta[strings.ToLower(m)] = true
	}
	has := map[string]bool{}
	for _, h := range hdr {
		has[h] = true
	}
	parent := map[string]bool{}
	for _, h := range hdr {
		if i := strings.LastIndex(h, "/"); i > 0 && has[h[:i]] {
			parent[h[:i]] = true
		}
	}
	// A long group path may break after each slash (a zero-width space)
	// in a narrow window; the value sent is the column's name as it is.
	label := func(h string) string {
		path := strings.ReplaceAll(h, "/", "/\u200b")
		if form != nil {
			name := tail(h)
			if fq, ok := form.Question(name); ok {
				if lb := fq.Label(l, ""); lb != "" && lb != name {
					return lb + " (" + path + ")"
				}
			}
		}
		return path
	}
	// A question is offered by its name, as in the XLSForm, when no other
	// column ends in it; else by its whole path in the header.
	tails := map[string]int{}
	for _, h := range hdr {
		tails[tail(h)]++
	}
	value := func(h string) string {
		if tails[tail(h)] == 1 {
			return tail(h)
		}
		return h
	}
	v := &quickForm{L: l, File: id, Read: fmt.Sprintf(tr(l, "q.rows"), filepath.Base(q.survey), len(hdr))}
	if q.form != "" {
		v.Form = "1"
	}
	var rest []choice
	for _, h := range hdr {
		i := strings.LastIndex(h, "/")
		switch {
		case h == "" || meta[strings.ToLower(h)] || meta[strings.ToLower(tail(h))] || strings.HasPrefix(h, "_"):
		case i > 0 && parent[h[:i]]:
		case parent[h]:
			v.Needs = append(v.Needs, choice{value(h), label(h)})
		default:
			rest = append(rest, choice{value(h), label(h)})
		}
	}
	v.Needs = append(v.Needs, rest...)
	v.Groups, v.Columns = rest, rest
	return v, nil
}

// tail is the last part of a header's group path: the question's name.
func tail(h string) string {
	if i := strings.LastIndex(h, "/"); i >= 0 {
		return h[i+1:]
	}
	return h
}

// quickResult is the estimates of a quick look and its workbook.
type quickResult struct {
	L, Download string
	Notes       []string
	Rows        []estimateRow
}

type estimateRow struct{ Group, Answer, Estimate, N string }

// quickRun estimates the needs of a quick look's survey as hromada
// assess --survey does with the columns chosen, writes the workbook into
// the look's folder and shows the estimates. Every column named must be
// one of the survey's.
func (s *Server) quickRun(w http.ResponseWriter, r *http.Request) {
	l := lang(r)
	look, err := s.look(r.FormValue("file"))
	if err != nil {
		message(w, http.StatusBadRequest, "bad", tr(l, "err.nosurvey"))
		return
	}
	hdr, err := header(look.survey, r.FormValue("password"))
	if err != nil {
		message(w, http.StatusBadRequest, "bad", say(l, look.dir, err))
		return
	}
	need := r.FormValue("need")
	if need == "" {
		message(w, http.StatusBadRequest, "bad", tr(l, "err.noneed"))
		return
	}
	if err := r.ParseForm(); err != nil {
		message(w, http.StatusBadRequest, "bad", say(l, "", err))
		return
	}
	by := r.Form["by"]
	for _, c := range append([]string{need, r.FormValue("weight"), r.FormValue("strata"), r.FormValue("cluster")}, by...) {
		if c != "" && !slices.Contains(hdr, c) && !slices.ContainsFunc(hdr, func(h string) bool { return tail(h) == c }) {
			message(w, http.StatusBadRequest, "bad", fmt.Sprintf(tr(l, "err.column"), c))
			return
		}
	}
	stem := strings.TrimSuffix(filepath.Base(look.survey), filepath.Ext(look.survey))
	q := &pipeline.Quick{
		Survey: look.survey, Password: r.FormValue("password"), Need: []string{need}, By: by,
		Weight: r.FormValue("weight"), Strata: r.FormValue("strata"), Cluster: r.FormValue("cluster"),
		Lonely:   assess.LonelyAdjust,
		Estimate: pipeline.EstimateOptions{CI: assess.Logit, Level: 0.95, MinCount: assess.DefaultMinCount, Suppress: true},
		Lang:     hl(l),
		Out:      filepath.Join(look.dir, stem+"-assessment.xlsx"),
	}
	var form *kobo.Form
	if look.form != "" {
		if form, err = kobo.ReadXLSForm(look.form); err != nil {
			message(w, http.StatusBadRequest, "bad", say(l, look.dir, err))
			return
		}
	}
	m := q.SurveyMap(form)
	sv, ps := project.ReadSurvey(m)
	if ps.Errors() > 0 {
		render(w, http.StatusOK, "check", problemsView(l, look.dir, ps))
		return
	}
	res, err := q.Analyse(sv)
	if err != nil {
		message(w, http.StatusBadRequest, "bad", say(l, look.dir, err))
		return
	}
	a := q.Workbook(sv, m, form, ps, res)
	safefile.SetPrivate(false)
	if err := assessbook.Write(q.Out, a); err != nil {
		message(w, http.StatusInternalServerError, "bad", say(l, look.dir, err))
		return
	}
	v := quickResult{L: l, Download: r.FormValue("file")}
	for _, p := range ps {
		v.Notes = append(v.Notes, clean(look.dir, p.In(hl(l))))
	}
	v.Notes = append(v.Notes, pipeline.TextLines(sv.Notes, hl(l))...)
	for _, rt := range res.Rates {
		v.Rows = append(v.Rows, estimate(l, a, rt))
	}
	render(w, http.StatusOK, "quickresult", v)
}

// estimate is a rate as the page's table shows it: a share in per cent
// with its interval, or the mean; hidden as the workbook hides it.
func estimate(l string, a *assessbook.Assessment, r assess.Rate) estimateRow {
	group := tr(l, "q.all")
	if r.GroupVar != "" {
		group = r.GroupVar + " = " + r.GroupVarValue
	}
	answer := r.AnalysisVarValue
	if name := a.Services[r.Service].Name.In(a.Lang); name != "" && name != r.AnalysisVar && r.AnalysisVarValue != "yes" && r.AnalysisVarValue != "" {
		answer = name
	}
	row := estimateRow{Group: group, Answer: answer, N: fmt.Sprintf("%d / %d", r.N, r.NTotal)}
	scale, unit, digits := 100.0, " %", 1
	if r.Kind != assess.KindProportion {
		scale, unit, digits = 1, "", 2
	}
	switch {
	case a.Options.Suppress && r.Verdict.Suppress:
		row.Estimate = tr(l, "q.hidden")
		if assess.Hide(r, a.Options.MinCount).Hidden {
			row.N = ""
		}
	case r.Stat != r.Stat:
		row.Estimate = "–"
	case r.StatLow != r.StatLow:
		row.Estimate = fmtNum(l, scale*r.Stat, digits) + unit
	default:
		row.Estimate = fmtNum(l, scale*r.Stat, digits) + unit + " (" + fmtNum(l, scale*r.StatLow, digits) + "–" + fmtNum(l, scale*r.StatUpp, digits) + ")"
	}
	return row
}

// quickDownload sends a quick look's workbook.
func (s *Server) quickDownload(w http.ResponseWriter, r *http.Request) {
	look, err := s.look(r.PathValue("name"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	stem := strings.TrimSuffix(filepath.Base(look.survey), filepath.Ext(look.survey))
	sendListed(w, r, look.dir, stem+"-assessment.xlsx")
}
