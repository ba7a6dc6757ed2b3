package assessbook

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/workbook"
)

// TopNeeds is how many services the Summary lists for each group, the
// ones with the highest need rates.
const TopNeeds = 5

// Write writes the assessment workbook of one community to path,
// whole or not at all, with every text in a.Lang. Its sheets, in order:
//
//   - Summary: the survey in a line, sentences for a report, the
//     unduplicated demand per service, each group's top needs, and charts
//     of the demand and of the need rates, with their intervals;
//   - Demand: one row per group and service with the rate, the demand and
//     their intervals — the sheet [ReadDemand] reads and plan uses, laid
//     out as docs/assessment-workbook.md describes;
//   - Estimates: the analysistools results table, for REACH users;
//   - Data quality: the survey, its answers, flags, suppressed estimates
//     and warnings;
//   - Methods: the design, the formulas in words and the data sources.
//
// With a.Options.Suppress, estimates that fail the NCHS rules or rest on
// too few respondents show a note with the reason instead of their numbers,
// and small counts of respondents are not shown. The same assessment gives
// the same bytes.
func Write(path string, a *Assessment) error {
	if a == nil {
		return errors.New("no assessment to write")
	}
	w := newAssessWriter(a)
	w.summary()
	w.demandSheet()
	w.estimatesSheet()
	w.qualitySheet()
	w.methodsSheet()
	w.charts()
	return w.b.Save(path)
}

// assessWriter writes one assessment workbook.
type assessWriter struct {
	a    *Assessment
	b    *workbook.Book
	lang hromada.Lang
	o    AssessOptions // with defaults filled in

	groups   []string // group IDs in the order of Result.Rates: AllGroup first
	services []string // service keys in the order of the survey's needs
	rates    map[[2]string]assess.Rate
	demand   map[[2]string]assess.Demand

	summarySheet string
	summaryWidth float64 // characters across the Summary's columns
	chartRow     int     // Summary row the charts start on
}

func newAssessWriter(a *Assessment) *assessWriter {
	w := &assessWriter{a: a, b: workbook.NewBook(), lang: a.Lang, o: a.Options,
		rates: map[[2]string]assess.Rate{}, demand: map[[2]string]assess.Demand{}}
	if w.lang != hromada.English {
		w.lang = hromada.Ukrainian
	}
	if w.o.MinCount == 0 {
		w.o.MinCount = assess.DefaultMinCount
	}
	if w.o.Level == 0 {
		w.o.Level = 0.95
	}
	if w.o.CI == "" {
		w.o.CI = assess.Logit
	}
	if w.o.Suppress {
		// A published workbook holds a suppressed estimate as JSON does
		// (assess.Hide): no figure, count or review flag of it is left
		// for any sheet to print. The caller's assessment is not changed.
		pub := *a
		pub.Result = hideResult(a.Result, w.o.MinCount)
		a = &pub
		w.a = a
	}
	for _, r := range a.Result.Rates {
		if !slices.Contains(w.groups, r.Group) {
			w.groups = append(w.groups, r.Group)
		}
		// The mean of a numeric question (quick mode --mean) is no share
		// of families in need: the Estimates sheet has it, the sheets of
		// needs and demand do not.
		if r.AnalysisType == string(assess.TypeMean) {
			continue
		}
		if !slices.Contains(w.services, r.Service) {
			w.services = append(w.services, r.Service)
		}
		w.rates[[2]string{r.Group, r.Service}] = r
	}
	for _, d := range slices.Concat(a.Result.Demand, a.Result.Union) {
		w.demand[[2]string{d.Group, d.Service}] = d
	}
	return w
}

// hideResult is a copy of res with every suppressed estimate hidden
// (assess.Hide), in rates, demand and the union.
func hideResult(res assess.Result, minCount int) assess.Result {
	res.Rates = slices.Clone(res.Rates)
	for i := range res.Rates {
		res.Rates[i] = assess.Hide(res.Rates[i], minCount)
	}
	res.Demand, res.Union = slices.Clone(res.Demand), slices.Clone(res.Union)
	for _, ds := range [][]assess.Demand{res.Demand, res.Union} {
		for i := range ds {
			ds[i] = assess.HideDemand(ds[i], minCount)
		}
	}
	return res
}

func (w *assessWriter) t(key string, args ...any) string { return tr(w.lang, key, args...) }

// level is the confidence level in percent: "95", "90", "97,5".
func (w *assessWriter) level() string {
	l := w.o.Level * 100
	if l == math.Round(l) {
		return workbook.FormatDecimal(w.lang, l, 0)
	}
	return workbook.FormatDecimal(w.lang, l, 1)
}

// ci names the intervals: "95 % CI", «95 % ДІ».
func (w *assessWriter) ci() string { return w.t("ci", w.level()) }

// groupName names a group in the workbook's language.
func (w *assessWriter) groupName(id string) string {
	if g, ok := w.a.Groups[id]; ok {
		if n := g.Name.In(w.lang); n != "" {
			return n
		}
	}
	switch id {
	case assess.AllGroup:
		return w.t("group.all")
	case assess.AnyGroup:
		return w.t("group.any")
	}
	return id
}

// serviceName names a service in the workbook's language.
func (w *assessWriter) serviceName(key string) string {
	if s, ok := w.a.Services[key]; ok {
		if n := s.Name.In(w.lang); n != "" {
			return n
		}
	}
	return key
}

// hidden reports whether an estimate's numbers are replaced by a note:
// suppressed in a published workbook, or not observed in any (never 0).
func (w *assessWriter) hidden(r assess.Rate) bool {
	return w.o.Suppress && r.Verdict.Suppress || r.NotObserved
}

// rateNote is the note a hidden rate's cells hold.
func (w *assessWriter) rateNote(r assess.Rate) string {
	if r.NotObserved {
		return notObservedNote(w.lang, r.UpperBound)
	}
	return suppressedNote(w.lang, r.Verdict, w.o.MinCount)
}

// demandHidden reports whether a demand's numbers are replaced by a note.
func (w *assessWriter) demandHidden(d assess.Demand) bool { return w.hidden(d.Rate) || d.NotObserved }

// demandNote is the note a hidden demand's cells hold: "not observed
// (upper bound 2.8 % of families)" or "suppressed: …".
func (w *assessWriter) demandNote(d assess.Demand) string {
	if d.NotObserved {
		return notObservedNote(w.lang, d.ShareUpp)
	}
	return suppressedNote(w.lang, d.Rate.Verdict, w.o.MinCount)
}

// clientsFrom says where a service's clients come from, for the Demand
// sheet and the Methods sheet.
func (w *assessWriter) clientsFrom(d assess.Demand) string {
	if d.Unit == hromada.Family || d.Unit == "" {
		return w.t("clients.family")
	}
	return w.t("clients." + string(cmp.Or(d.ClientsFrom, assess.ClientsHousehold)))
}

// smallGroup reports whether a demand's count N_g is a number of
// respondents (a survey count with no weights, or normalised ones) below
// the minimum count: a published workbook does not print it.
func (w *assessWriter) smallGroup(d assess.Demand) bool {
	return w.o.Suppress && w.o.MinCount > 0 && d.Basis == assess.BasisSurvey && w.respondents() &&
		d.Count > 0 && d.Count < float64(w.o.MinCount)
}

// small reports whether a count of respondents is too small to publish.
func (w *assessWriter) small(n int) bool {
	return w.o.Suppress && w.o.MinCount > 0 && n > 0 && n < w.o.MinCount
}

// count is a count of respondents as a published table shows it: the
// number, or "< 5" when it is too small.
func (w *assessWriter) count(n int) any {
	if w.small(n) {
		return w.t("rel.small", w.o.MinCount)
	}
	return float64(n)
}

// rateOf says what a demand's rate is: a share of families, or children
// per family.
func (w *assessWriter) rateOf(d assess.Demand) string {
	cu := d.CountUnit
	if cu == "" {
		cu = hromada.Family
	}
	if d.Rate.Kind == assess.KindProportion {
		return w.t("rate.share", workbook.UnitPlural(w.lang, cu))
	}
	return w.t("rate.per", workbook.UnitPlural(w.lang, d.Unit), w.t("unit."+string(cu)+".per"))
}

// basis labels where a group's size comes from.
func (w *assessWriter) basis(b assess.Basis) string {
	switch {
	case b == assess.BasisRegistry:
		return w.t("basis.registry")
	case w.respondents():
		return w.t("basis.respondents")
	}
	return w.t("basis.survey")
}

// respondents reports whether the survey's weighted counts are counts of
// respondents, not of families of the community: the survey has no
// weights, or normalised ones.
func (w *assessWriter) respondents() bool {
	return w.a.Survey.Weight == "" || w.a.Survey.NormalisedWeights
}

// unionByDemand are the union's demands as the Summary and its sentences
// list them: largest first, then the unreliable ones in the survey's order.
func (w *assessWriter) unionByDemand() []assess.Demand {
	var u []assess.Demand
	for _, d := range w.a.Result.Union {
		if slices.Contains(w.services, d.Service) {
			u = append(u, d)
		}
	}
	slices.SortStableFunc(u, func(x, y assess.Demand) int {
		if x.Rate.Verdict.Suppress != y.Rate.Verdict.Suppress {
			if x.Rate.Verdict.Suppress {
				return 1
			}
			return -1
		}
		if x.Rate.Verdict.Suppress {
			return 0
		}
		return cmp.Compare(workbook.ZeroNaN(y.People), workbook.ZeroNaN(x.People))
	})
	return u
}

// topNeeds are a group's services with the highest need rates, among the
// estimates that are neither suppressed nor 0 (nor not observed): a rank
// of unreliable figures would mislead, in an internal workbook too.
func (w *assessWriter) topNeeds(group string) []assess.Rate {
	var out []assess.Rate
	for _, s := range w.services {
		r, ok := w.rates[[2]string{group, s}]
		if !ok || r.Verdict.Suppress || r.NotObserved || math.IsNaN(r.Stat) || r.Stat == 0 {
			continue
		}
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(x, y assess.Rate) int { return cmp.Compare(y.Stat, x.Stat) })
	return out[:min(len(out), TopNeeds)]
}

// groupSize describes a group's N_g: "640 families (registry, as of …)".
func (w *assessWriter) groupSize(group string) string {
	for _, s := range w.services {
		d, ok := w.demand[[2]string{group, s}]
		if !ok || d.CountOf != group {
			continue
		}
		n := workbook.FormatCount(w.lang, d.Count)
		unit := workbook.UnitWord(w.lang, d.CountUnit, d.Count)
		if d.Basis == assess.BasisRegistry {
			return w.t("sum.size.registry", n, unit, d.AsOf)
		}
		if w.smallGroup(d) {
			return w.t("sum.size.respondents", w.t("rel.small", w.o.MinCount), workbook.UnitWord(w.lang, d.CountUnit, float64(w.o.MinCount)))
		}
		if w.respondents() {
			return w.t("sum.size.respondents", n, unit)
		}
		return w.t("sum.size.survey", n, unit)
	}
	return ""
}

// summary writes the Summary sheet.
func (w *assessWriter) summary() {
	a := w.a
	widths := []float64{50, 11, 13, 10, 10, 15, 10, 10, 36}
	r := w.b.NewReport(w.t("sheet.summary"), widths)
	w.summarySheet = r.Sheet
	for _, x := range widths {
		w.summaryWidth += x
	}
	r.Title(w.t("sum.title", a.Community.Name.In(w.lang)))
	if a.Project != "" {
		r.Line(w.t("sum.project", a.Project), "")
	}
	r.Line(w.surveyLine(), "")
	if w.o.Suppress {
		r.Line(w.t("sum.published", w.o.MinCount), "note")
	} else {
		r.Line(w.t("sum.internal"), "warn")
	}

	r.Gap()
	r.Heading(w.t("sum.report"))
	r.Line(w.sentences(), "")

	cols := []workbook.Col{
		{Header: w.t("sum.col.service"), Wrap: true},
		{Header: w.t("sum.col.unit")},
		{Header: w.t("sum.col.people"), Format: workbook.Integer},
		{Header: w.t("sum.col.low", w.ci()), Format: workbook.Integer},
		{Header: w.t("sum.col.upp"), Format: workbook.Integer},
		{Header: w.t("sum.col.rate"), Format: workbook.Percent},
		{Header: w.t("sum.col.low", w.ci()), Format: workbook.Percent},
		{Header: w.t("sum.col.upp"), Format: workbook.Percent},
		{Header: w.t("sum.col.rel"), Wrap: true},
	}
	if len(a.Result.Union) > 0 {
		r.Gap()
		r.Heading(w.t("sum.union"))
		r.Header(cols)
		for _, d := range w.unionByDemand() {
			r.Row(cols, w.summaryRow(w.serviceName(d.Service), d, d.Rate))
		}
		r.Line(w.t("sum.union.note"), "note")
		r.Line(w.t("sum.union.plan", w.groupName(assess.AllGroup)), "note")
	}
	w.knownBlock(r)

	r.Gap()
	r.Heading(w.t("sum.top", TopNeeds))
	r.Header(cols)
	for _, g := range w.groups {
		head := w.groupName(g)
		if size := w.groupSize(g); size != "" {
			head = w.t("sum.top.group", head, size)
		}
		r.Line(head, "group")
		top := w.topNeeds(g)
		if len(top) == 0 {
			r.Line(w.t("sum.top.none", w.groupReasons(g)), "note")
			continue
		}
		for i, rate := range top {
			d := w.demand[[2]string{g, rate.Service}]
			r.Row(cols, w.summaryRow(fmt.Sprintf("%d. %s", i+1, w.serviceName(rate.Service)), d, rate))
		}
		if len(top) == 1 {
			r.Line(w.t("sum.top.one"), "note")
		}
		if g == assess.AllGroup && len(a.Result.Union) > 0 {
			r.Line(w.t("sum.top.all", w.groupName(assess.AllGroup)), "note")
		}
	}
	r.Line(w.t("sum.top.note"), "note")
	r.Gap()
	w.b.Fail(w.b.File.InsertPageBreak(r.Sheet, r.Ref(0)))
	r.Heading(w.t("sum.charts"))
	r.Line(w.t("sum.charts.note"), "note")
	w.chartRow = r.Next
	w.pageSetup(r.Sheet, "")
}

// knownBlock writes the Summary's table of known clients: the
// administrative counts the plan uses as demand or as a floor.
func (w *assessWriter) knownBlock(r *workbook.ReportSheet) {
	if len(w.a.Known) == 0 {
		return
	}
	r.Gap()
	r.Heading(w.t("sum.known"))
	cols := []workbook.Col{
		{Header: w.t("sum.col.service"), Wrap: true},
		{Header: w.t("sum.col.unit")},
		{Header: w.t("sum.known.count"), Format: workbook.Integer},
		{Header: w.t("demand.as_of")}, {},
		{Header: w.t("sum.known.use"), Wrap: true},
		{Header: w.t("sum.known.source")}, {}, {},
	}
	r.Header(cols)
	for _, k := range w.a.Known {
		r.Row(cols, []any{w.serviceName(k.Service), workbook.UnitPlural(w.lang, k.Unit), k.Count,
			workbook.NoteSpan{Text: cmp.Or(k.AsOf, "—"), Cols: 2}, nil, w.knownUse(k), workbook.NoteSpan{Text: cmp.Or(k.Source, "—"), Cols: 3}})
	}
	r.Line(w.t("sum.known.note"), "note")
}

// knownUse says in words how the plan uses a count of known clients.
func (w *assessWriter) knownUse(k KnownClientRow) string {
	if k.Floor {
		return w.t("known.floor")
	}
	return w.t("known.demand")
}

// knownCell is the Demand sheet's text for the known clients of a
// service: count, unit, date, source and use; "" when there are none.
func (w *assessWriter) knownCell(service string) string {
	for _, k := range w.a.Known {
		if k.Service == service {
			return w.t("known.cell", workbook.FormatCount(w.lang, k.Count), workbook.UnitWord(w.lang, k.Unit, k.Count),
				cmp.Or(k.AsOf, "—"), cmp.Or(k.Source, "—"), w.knownUse(k))
		}
	}
	return ""
}

// summaryRow is a row of a Summary table: a service, its demand and
// interval, and a rate — the family rate of a group's top need, or the
// demand's own rate for the union. Suppressed figures become one note
// across their cells.
func (w *assessWriter) summaryRow(label string, d assess.Demand, rate assess.Rate) []any {
	row := []any{label, workbook.UnitPlural(w.lang, d.Unit)}
	if w.demandHidden(d) {
		row = append(row, workbook.NoteSpan{Text: w.demandNote(d), Cols: 3}, nil, nil)
	} else {
		row = append(row, d.People, d.PeopleLow, d.PeopleUpp)
	}
	if w.hidden(rate) {
		note := w.rateNote(rate)
		if rate.NotObserved && d.NotObserved && math.IsNaN(rate.UpperBound) {
			note = w.demandNote(d) // a count per family: the bound of the share of families
		}
		row = append(row, workbook.NoteSpan{Text: note, Cols: 3}, nil, nil)
	} else {
		p, lo, hi := workbook.NumCell{Value: rate.Stat, Format: workbook.Percent}, workbook.NumCell{Value: rate.StatLow, Format: workbook.Percent}, workbook.NumCell{Value: rate.StatUpp, Format: workbook.Percent}
		if rate.Kind != assess.KindProportion {
			p.Custom = w.t("sum.rate.per", w.t("unit."+string(cmp.Or(d.CountUnit, hromada.Family))+".per"))
			lo.Format, hi.Format = workbook.Decimal2, workbook.Decimal2
		}
		row = append(row, p, lo, hi)
	}
	v := rate.Verdict
	if d.Rate.Verdict.Suppress && !v.Suppress {
		v = d.Rate.Verdict
	}
	return append(row, reliability(w.lang, v, w.o))
}

// groupReasons lists, in words, why a group's estimates are suppressed.
func (w *assessWriter) groupReasons(group string) string {
	var seen []assess.Flag
	for _, s := range w.services {
		for _, f := range w.rates[[2]string{group, s}].Verdict.Reasons {
			if !slices.Contains(seen, f) {
				seen = append(seen, f)
			}
		}
	}
	return reasons(w.lang, assess.Verdict{Reasons: seen}, w.o.MinCount)
}

// surveyLine describes the survey in one line.
func (w *assessWriter) surveyLine() string {
	s := w.a.Survey
	where := s.File
	if s.Sheet != "" {
		where += ", " + s.Sheet
	}
	if s.Date != "" {
		where = w.t("sum.survey.date", where, s.Date)
	}
	strata := w.t("sum.nostrata")
	if s.Stratum != "" {
		strata = w.t("sum.strata", s.Strata)
	}
	clusters := w.t("sum.noclusters")
	if s.Cluster != "" {
		clusters = w.t("sum.clusters", s.PSUs)
	}
	weight := w.t("sum.unweighted")
	switch {
	case s.Weight != "" && s.NormalisedWeights:
		weight = w.t("sum.normalised", s.Weight)
	case s.Weight != "":
		weight = w.t("sum.weighted", s.Weight)
	}
	return w.t("sum.survey", s.Rows, workbook.UnitWord(w.lang, "household", float64(s.Rows)), where, strata, clusters, weight)
}

// sentences are what a planner can paste into a report: the largest
// unduplicated demands, the highest need rate of a group, and where the
// group sizes come from. Suppressed and unreliable figures are left out.
func (w *assessWriter) sentences() string {
	var out []string
	if parts := w.demandParts(); len(parts) > 0 {
		out = append(out, w.joinParts(parts))
	}
	if top, ok := w.topRateSentence(); ok {
		out = append(out, top)
	} else if len(w.groups) > 1 {
		out = append(out, w.t("say.norank"))
	}
	if len(out) == 0 {
		out = append(out, w.t("say.none"))
	}
	return strings.Join(append(out, w.basisSentences()...), " ")
}

// midSentence is a name as it stands within a sentence: lower case first in
// English.
func (w *assessWriter) midSentence(name string) string {
	if w.lang == hromada.English {
		return workbook.LowerFirst(name)
	}
	return name
}

// demandParts are the parts of the sentence on the largest demands: of the
// union of the target groups (without target groups, of all families), at
// most three; without counts of people, the largest shares of all
// families that need a service.
func (w *assessWriter) demandParts() []string {
	var parts []string
	first, rows := "say.union.first", w.unionByDemand()
	if len(rows) == 0 {
		first = "say.all.first"
		for _, d := range w.a.Result.Demand {
			if d.Group == assess.AllGroup && slices.Contains(w.services, d.Service) {
				rows = append(rows, d)
			}
		}
		slices.SortStableFunc(rows, func(x, y assess.Demand) int {
			return cmp.Compare(workbook.ZeroNaN(y.People), workbook.ZeroNaN(x.People))
		})
	}
	for _, d := range rows {
		if d.Rate.Verdict.Suppress || d.NotObserved || d.People == 0 || math.IsNaN(d.PeopleLow) || len(parts) == 3 ||
			(d.Basis == assess.BasisSurvey && w.respondents()) {
			continue
		}
		name := w.midSentence(w.serviceName(d.Service))
		n, lo, hi := workbook.FormatCount(w.lang, d.People), workbook.FormatCount(w.lang, d.PeopleLow), workbook.FormatCount(w.lang, d.PeopleUpp)
		unit := workbook.UnitWord(w.lang, d.Unit, d.People)
		verb := w.t("say.verb.many")
		if workbook.PluralForm(w.lang, d.People) == "one" {
			verb = w.t("say.verb.one")
		}
		key := "say.union.next"
		if len(parts) == 0 {
			key = first
		}
		parts = append(parts, w.t(key, name, verb, n, unit, w.ci(), lo, hi))
	}
	if len(parts) == 0 && w.respondents() {
		parts = w.rateParts()
	}
	return parts
}

// rateParts are the parts of the sentence on the largest shares of all
// families that need a service, at most three, for an assessment with no
// counts of people.
func (w *assessWriter) rateParts() []string {
	var parts []string
	var rates []assess.Rate
	for _, s := range w.services {
		if r, ok := w.rates[[2]string{assess.AllGroup, s}]; ok && !r.Verdict.Suppress && !r.NotObserved && r.Stat > 0 && !math.IsNaN(r.StatLow) {
			rates = append(rates, r)
		}
	}
	slices.SortStableFunc(rates, func(x, y assess.Rate) int { return cmp.Compare(y.Stat, x.Stat) })
	for i, r := range rates[:min(len(rates), 3)] {
		key := "say.rate.next"
		if i == 0 {
			key = "say.rate.first"
		}
		parts = append(parts, w.t(key, w.midSentence(w.serviceName(r.Service)), workbook.FormatPercent(w.lang, r.Stat), w.ci(),
			workbook.FormatDecimal(w.lang, r.StatLow*100, 1), workbook.FormatPercent(w.lang, r.StatUpp)))
	}
	return parts
}

// joinParts joins the parts of a sentence: "a, b and c."
func (w *assessWriter) joinParts(parts []string) string {
	var b strings.Builder
	for i, p := range parts {
		switch {
		case i == 0:
		case i == len(parts)-1:
			b.WriteString(w.t("say.union.last"))
		default:
			b.WriteString(w.t("say.union.and"))
		}
		b.WriteString(p)
	}
	b.WriteString(".")
	return b.String()
}

// topRateSentence says which target group needs which service most, by
// the highest need rate that is published, not 0 and has an interval;
// false when there is none.
func (w *assessWriter) topRateSentence() (string, bool) {
	var best assess.Rate
	for _, g := range w.groups {
		if g == assess.AllGroup || g == assess.AnyGroup {
			continue
		}
		for _, s := range w.services {
			r := w.rates[[2]string{g, s}]
			if r.Verdict.Suppress || r.NotObserved || math.IsNaN(r.StatLow) || math.IsNaN(r.Stat) || r.Stat == 0 {
				continue
			}
			if best.Service == "" || r.Stat > best.Stat {
				best = r
			}
		}
	}
	if best.Service == "" {
		return "", false
	}
	group, service := w.midSentence(w.groupName(best.Group)), w.midSentence(w.serviceName(best.Service))
	return w.t("say.top", group, service, workbook.FormatPercent(w.lang, best.Stat), w.ci(),
		workbook.FormatDecimal(w.lang, best.StatLow*100, 1), workbook.FormatPercent(w.lang, best.StatUpp)), true
}

// basisSentences say what the counts rest on (respondents only, or survey
// estimates of the groups' sizes) and whether estimates were suppressed.
func (w *assessWriter) basisSentences() []string {
	var out []string
	var surveyBased []string
	suppressed := false
	for _, d := range slices.Concat(w.a.Result.Demand, w.a.Result.Union) {
		if d.Basis == assess.BasisSurvey && d.Group != assess.AnyGroup && d.Group != assess.AllGroup {
			if name := w.midSentence(w.groupName(d.Group)); !slices.Contains(surveyBased, name) {
				surveyBased = append(surveyBased, name)
			}
		}
		suppressed = suppressed || d.Rate.Verdict.Suppress
	}
	switch {
	case w.respondents():
		out = append(out, w.t("say.respondents"))
	case len(surveyBased) > 0:
		out = append(out, w.t("say.basis", strings.Join(surveyBased, ", ")))
	}
	if suppressed {
		out = append(out, w.t("say.suppressed"))
	}
	return out
}

// assessCol is a column of a table sheet: its key, number format, width (0
// fitted) and whether its text wraps.
type assessCol struct {
	key    string
	format workbook.Format
	width  float64
	wrap   bool
}

// demandColumns are the columns of the Demand sheet, in order; the header
// of each is its text "demand.<key>" in the workbook's language.
// docs/assessment-workbook.md documents them: plan reads them by name.
var demandColumns = []assessCol{
	{"group_id", workbook.TextFmt, 12, false},
	{"group_name", workbook.General, 30, true},
	{"service_code", workbook.TextFmt, 12, false},
	{"service_name", workbook.General, 40, true},
	{"unit", workbook.General, 10, false},
	{"basis", workbook.General, 15, true},
	{"count", workbook.Integer, 13, false},
	{"count_unit", workbook.General, 10, false},
	{"count_of", workbook.TextFmt, 10, false},
	{"as_of", workbook.TextFmt, 11, false},
	{"rate", workbook.Percent, 12, true},
	{"rate_low", workbook.Percent, 12, true},
	{"rate_upp", workbook.Percent, 12, true},
	{"rate_of", workbook.General, 16, true},
	{"people", workbook.Integer, 13, true},
	{"people_low", workbook.Integer, 13, true},
	{"people_upp", workbook.Integer, 13, true},
	{"reliability", workbook.General, 46, true},
	{"source", workbook.General, 30, true},
	{"clients", workbook.General, 30, true},
	{"known_clients", workbook.General, 40, true},
}

// demandRows are the rows of the Demand sheet: every group's demand, then
// the union's.
func (w *assessWriter) demandRows() []assess.Demand {
	var out []assess.Demand
	for _, d := range slices.Concat(w.a.Result.Demand, w.a.Result.Union) {
		if slices.Contains(w.services, d.Service) {
			out = append(out, d)
		}
	}
	return out
}

// demandSheet writes the Demand sheet, the table plan reads.
func (w *assessWriter) demandSheet() {
	cols := make([]workbook.Col, len(demandColumns))
	for i, c := range demandColumns {
		cols[i] = workbook.Col{Header: w.t("demand." + c.key), Format: c.format, Width: c.width, Wrap: c.wrap}
	}
	rows := w.demandRows()
	// Known clients stand on the rows the plan reads: the union's, or all
	// households' when there are no target groups.
	planGroup := assess.AllGroup
	if len(w.a.Result.Union) > 0 {
		planGroup = assess.AnyGroup
	}
	known := func(d assess.Demand) string {
		if d.Group != planGroup {
			return ""
		}
		return w.knownCell(d.Service)
	}
	var cells [][]any
	for _, d := range rows {
		r := d.Rate
		note, hide := w.demandNote(d), w.demandHidden(d)
		num := func(v float64) any {
			if hide {
				return note
			}
			return v
		}
		var count any = d.Count
		if w.smallGroup(d) {
			count = note // a group of fewer respondents than the minimum: every number hidden
		}
		cells = append(cells, []any{
			d.Group, w.groupName(d.Group), d.Service, w.serviceName(d.Service), workbook.UnitPlural(w.lang, d.Unit),
			w.basis(d.Basis), count, workbook.UnitPlural(w.lang, d.CountUnit), d.CountOf, d.AsOf,
			num(r.Stat), num(r.StatLow), num(r.StatUpp), w.rateOf(d),
			num(d.People), num(d.PeopleLow), num(d.PeopleUpp),
			reliability(w.lang, r.Verdict, w.o), d.Source, w.clientsFrom(d), known(d),
		})
	}
	name := w.t("sheet.demand")
	w.b.AddSheet(workbook.Sheet{Name: name, Columns: cols, Rows: cells, Filter: true})
	// Texts right of numbers are set off from them.
	for _, key := range []string{"count_unit", "rate_of", "reliability"} {
		c := demandColumns[demandColumn(key)]
		col := workbook.ColumnName(demandColumn(key))
		if len(rows) > 0 {
			w.b.Fail(w.b.File.SetCellStyle(name, col+"2", fmt.Sprintf("%s%d", col, len(rows)+1), w.b.Style(workbook.StyleKey{Kind: "indent", Wrap: c.wrap})))
		}
	}
	// Rates that are not shares (children per family) get two decimals.
	dec := w.b.Style(workbook.StyleKey{Format: workbook.Decimal2, Wrap: true})
	for i, d := range rows {
		if d.Rate.Kind == assess.KindProportion || w.demandHidden(d) {
			continue
		}
		for _, key := range []string{"rate", "rate_low", "rate_upp"} {
			cell := fmt.Sprintf("%s%d", workbook.ColumnName(demandColumn(key)), i+2)
			w.b.Fail(w.b.File.SetCellStyle(name, cell, cell, dec))
		}
	}
	w.pageSetup(name, "$1:$1")
}

// demandColumn is the index of a Demand column by key.
func demandColumn(key string) int {
	return slices.IndexFunc(demandColumns, func(c assessCol) bool { return c.key == key })
}

// estimateColumns are the columns of the Estimates sheet: analysistools'
// results table, then what hromada adds.
var estimateColumns = []assessCol{
	{"analysis_type", workbook.TextFmt, 0, false}, {"analysis_var", workbook.TextFmt, 0, false}, {"analysis_var_value", workbook.TextFmt, 0, false},
	{"group_var", workbook.TextFmt, 0, false}, {"group_var_value", workbook.TextFmt, 0, false},
	{"stat", workbook.Decimal4, 12, true}, {"stat_low", workbook.Decimal4, 12, true}, {"stat_upp", workbook.Decimal4, 12, true},
	{"n", workbook.Integer, 0, false}, {"n_total", workbook.Integer, 0, false}, {"n_w", workbook.Decimal1, 0, false}, {"n_w_total", workbook.Decimal1, 0, false},
	{"analysis_key", workbook.TextFmt, 0, false},
	{"se", workbook.Decimal4, 12, true}, {"df", workbook.Integer, 0, false}, {"deff", workbook.Decimal4, 12, true}, {"n_eff", workbook.Decimal1, 12, true}, {"flags", workbook.TextFmt, 0, false},
	{"verdict", workbook.TextFmt, 0, false},
}

// estimates are every estimate behind the workbook, once each: the need
// rates, then the conversions to children or persons and the union's
// rates.
func (w *assessWriter) estimates() []assess.Rate {
	seen := map[string]bool{}
	var out []assess.Rate
	add := func(r assess.Rate) {
		if !seen[r.AnalysisKey] {
			seen[r.AnalysisKey] = true
			out = append(out, r)
		}
	}
	for _, r := range w.a.Result.Rates {
		add(r)
	}
	for _, d := range w.demandRows() {
		add(d.Rate)
	}
	return out
}

// estimateFlags joins an estimate's verdict reasons and interval flags,
// each once: "neff_lt_30 wide_ci df_lt_8".
func estimateFlags(r assess.Rate) []assess.Flag {
	var fs []assess.Flag
	for _, f := range slices.Concat(r.Verdict.Reasons, r.Flags) {
		if !slices.Contains(fs, f) {
			fs = append(fs, f)
		}
	}
	return fs
}

func verdictCode(v assess.Verdict) string {
	switch {
	case v.Suppress:
		return "suppress"
	case v.Review:
		return "review"
	}
	return "ok"
}

// estimatesSheet writes the Estimates sheet: analysistools' columns with
// their English names, so that REACH users can compare tables.
func (w *assessWriter) estimatesSheet() {
	cols := make([]workbook.Col, len(estimateColumns))
	for i, c := range estimateColumns {
		cols[i] = workbook.Col{Header: c.key, Format: c.format, Width: c.width, Wrap: c.wrap}
	}
	var rows [][]any
	for _, r := range w.estimates() {
		note := w.rateNote(r)
		stat := func(v float64) any {
			if w.hidden(r) {
				return note
			}
			return v
		}
		n := func(k int, v any) any {
			switch {
			case r.Hidden:
				return w.t("rel.hidden") // every count of a suppressed estimate alike
			case w.small(k):
				return w.t("rel.small", w.o.MinCount)
			}
			return v
		}
		flags := estimateFlags(r)
		codes := make([]string, len(flags))
		for i, f := range flags {
			codes[i] = string(f)
		}
		rows = append(rows, []any{
			r.AnalysisType, r.AnalysisVar, r.AnalysisVarValue, r.GroupVar, r.GroupVarValue,
			stat(r.Stat), stat(r.StatLow), stat(r.StatUpp),
			n(r.N, float64(r.N)), n(r.NTotal, float64(r.NTotal)), n(r.N, r.NW), n(r.NTotal, r.NWTotal),
			r.AnalysisKey,
			stat(r.SE), n(r.DF, float64(r.DF)), stat(r.Deff), stat(r.NEff), strings.Join(codes, " "),
			verdictCode(r.Verdict),
		})
	}
	name := w.t("sheet.estimates")
	w.b.AddSheet(workbook.Sheet{Name: name, Columns: cols, Rows: rows, Filter: true})
	w.pageSetup(name, "$1:$1")
}

// qualitySheet writes the Data quality sheet.
func (w *assessWriter) qualitySheet() {
	a, s := w.a, w.a.Survey
	r := w.b.NewReport(w.t("sheet.quality"), []float64{34, 48, 14, 16, 14, 14})
	r.Title(w.t("dq.title"))

	r.Gap()
	r.Heading(w.t("dq.survey"))
	r.KeyValue(w.t("dq.file"), s.File)
	if s.Sheet != "" {
		r.KeyValue(w.t("dq.sheet"), s.Sheet)
	}
	r.KeyValue(w.t("dq.rows"), float64(s.Rows))
	r.KeyValue(w.t("dq.skipped"), float64(s.Skipped))
	r.KeyValue(w.t("dq.strata"), float64(s.Strata))
	r.KeyValue(w.t("dq.psus"), float64(s.PSUs))
	lonely := w.t("dq.lonely.none")
	if len(s.LonelyStrata) > 0 {
		lonely = w.t("dq.lonely.rule", strings.Join(s.LonelyStrata, ", "), s.LonelyPSU, w.t("lonely."+lonelyRule(s.LonelyPSU)))
	}
	r.KeyValue(w.t("dq.lonely"), lonely)

	if len(a.Quality) > 0 {
		w.answerCounts(r)
	}
	w.flagCounts(r)
	w.suppressedList(r)

	r.Gap()
	r.Heading(w.t("dq.warnings"))
	if len(a.Warnings) == 0 {
		r.Line(w.t("dq.warnings.none"), "")
	}
	for _, msg := range workbook.CapWarnings(a.Warnings, w.lang) {
		r.Line(msg, "")
	}
	w.pageSetup(r.Sheet, "")
}

// answerCounts writes, per survey column, the answers, the don't-knows and
// refusals, and the questions not asked.
func (w *assessWriter) answerCounts(r *workbook.ReportSheet) {
	a := w.a
	r.Gap()
	r.Heading(w.t("dq.answers"))
	cols := []workbook.Col{
		{Header: w.t("dq.col.column")}, {Header: w.t("dq.col.what"), Wrap: true},
		{Header: w.t("dq.col.answered"), Format: workbook.Integer}, {Header: w.t("dq.col.missing"), Format: workbook.Integer},
		{Header: w.t("dq.col.notasked"), Format: workbook.Integer}, {Header: w.t("dq.col.share"), Format: workbook.Percent},
	}
	r.Header(cols)
	for _, q := range a.Quality {
		what := q.What
		if _, ok := a.Services[q.What]; ok || slices.Contains(w.services, q.What) {
			what = w.serviceName(q.What)
		} else if _, ok := a.Groups[q.What]; ok || slices.Contains(w.groups, q.What) {
			what = w.groupName(q.What)
		}
		share := math.NaN()
		if total := q.Answered + q.Missing + q.NotAsked; total > 0 {
			share = float64(q.Answered) / float64(total)
		}
		r.Row(cols, []any{q.Column, what, w.count(q.Answered), w.count(q.Missing), w.count(q.NotAsked), share})
	}
	if w.o.Suppress {
		r.Line(w.t("dq.small.note", w.o.MinCount-1, w.o.MinCount), "note")
	}
}

// flagCounts writes every flag with the number of estimates carrying it.
func (w *assessWriter) flagCounts(r *workbook.ReportSheet) {
	r.Gap()
	r.Heading(w.t("dq.flags"))
	counts := map[assess.Flag]int{}
	var order []assess.Flag
	for _, e := range w.estimates() {
		for _, f := range estimateFlags(e) {
			if counts[f] == 0 {
				order = append(order, f)
			}
			counts[f]++
		}
	}
	if len(order) == 0 {
		r.Line(w.t("dq.flags.none"), "")
	} else {
		cols := []workbook.Col{{Header: w.t("dq.col.flag")}, {Header: w.t("dq.col.meaning"), Wrap: true}, {Header: w.t("dq.col.count"), Format: workbook.Integer}}
		r.Header(cols)
		slices.SortStableFunc(order, func(x, y assess.Flag) int { return cmp.Compare(flagRank(x), flagRank(y)) })
		for _, f := range order {
			r.Row(cols, []any{string(f), flagWords(w.lang, f, w.o.MinCount), float64(counts[f])})
		}
	}
}

// suppressedList writes every suppressed (internal: unpublishable)
// estimate with its reasons.
func (w *assessWriter) suppressedList(r *workbook.ReportSheet) {
	r.Gap()
	if w.o.Suppress {
		r.Heading(w.t("dq.suppressed"))
	} else {
		r.Heading(w.t("dq.unpublishable"))
	}
	cols := []workbook.Col{{Header: w.t("dq.col.group"), Wrap: true}, {Header: w.t("dq.col.service"), Wrap: true},
		{Header: w.t("dq.col.estimate"), Wrap: true}, {Header: w.t("dq.col.reasons"), Wrap: true}}
	listed := false
	for _, e := range w.estimates() {
		if !e.Verdict.Suppress {
			continue
		}
		if !listed {
			r.Header(cols)
			listed = true
		}
		what := w.t("dq.est.rate")
		if e.Kind != assess.KindProportion || e.Group == assess.AnyGroup {
			d := w.demand[[2]string{e.Group, e.Service}]
			what = w.t("dq.est.demand", workbook.UnitPlural(w.lang, d.Unit))
		}
		r.Row(cols, []any{w.groupName(e.Group), w.serviceName(e.Service), what, workbook.NoteSpan{Text: reasons(w.lang, e.Verdict, w.o.MinCount), Cols: 3}})
	}
	if !listed {
		r.Line(w.t("dq.suppressed.none"), "")
	}
}

// flagRank orders flags as assess lists them: suppression reasons first.
func flagRank(f assess.Flag) int {
	order := []assess.Flag{assess.FlagNoData, assess.FlagNoDF, assess.FlagNoSE, assess.FlagNotObserved, assess.FlagSmallCount,
		assess.FlagComplementary, assess.FlagNEffLow, assess.FlagWideCI, assess.FlagWideRelativeCI, assess.FlagDFLow,
		assess.FlagP0or1, assess.FlagLonelyPSU, assess.FlagHighRSE}
	if i := slices.Index(order, f); i >= 0 {
		return i
	}
	return len(order)
}

// lonelyRule is the rule's key in assessText; "" is adjust, the default.
func lonelyRule(rule string) string {
	switch rule {
	case string(assess.LonelyRemove), string(assess.LonelyAverage), string(assess.LonelyFail):
		return rule
	}
	return string(assess.LonelyAdjust)
}

// methodsSheet writes the Methods sheet: how every figure was made.
func (w *assessWriter) methodsSheet() {
	s := w.a.Survey
	survey := w.t("m.survey.text", s.File, s.Sheet, s.Rows, s.Skipped)
	if s.Date != "" {
		survey += " " + w.t("m.survey.date", s.Date)
	}
	var p workbook.Paras
	w.designParas(&p, survey)
	w.estimateParas(&p)
	w.peopleParas(&p)
	w.sourceParas(&p, survey)
	name := w.t("sheet.methods")
	w.b.AddText(name, w.t("m.title"), p)
	w.pageSetup(name, "")
}

// designParas say how the survey was designed and how the design is taken
// into account.
func (w *assessWriter) designParas(p *workbook.Paras, survey string) {
	s, key := w.a.Survey, p.Key
	p.Heading(w.t("m.design"))
	key(w.t("m.survey"), survey)
	if w.o.Where != "" {
		key(w.t("m.where"), w.t("m.where.text", w.o.Where))
	}
	switch {
	case s.Weight == "":
		key(w.t("m.weights"), w.t("m.weights.none"))
	case s.NormalisedWeights:
		key(w.t("m.weights"), w.t("m.weights.norm", s.Weight))
	default:
		key(w.t("m.weights"), w.t("m.weights.exp", s.Weight))
	}
	if s.Stratum != "" {
		key(w.t("m.strata"), w.t("m.strata.col", s.Stratum, s.Strata))
	} else {
		key(w.t("m.strata"), w.t("m.strata.none"))
	}
	if s.Cluster != "" {
		key(w.t("m.clusters"), w.t("m.clusters.col", s.Cluster, s.PSUs))
	} else {
		key(w.t("m.clusters"), w.t("m.clusters.none"))
	}
	if s.FPC != "" {
		key(w.t("m.fpc"), w.t("m.fpc.col", s.FPC))
	} else {
		key(w.t("m.fpc"), w.t("m.fpc.none"))
	}
	rule := lonelyRule(s.LonelyPSU)
	if len(s.LonelyStrata) > 0 {
		key(w.t("m.lonely"), w.t("m.lonely.text", strings.Join(s.LonelyStrata, ", "), rule, w.t("lonely."+rule)))
	} else {
		key(w.t("m.lonely"), w.t("m.lonely.none", rule, w.t("lonely."+rule)))
	}
}

// estimateParas say how the estimates, their intervals and the rules of
// publication are made.
func (w *assessWriter) estimateParas(p *workbook.Paras) {
	key := p.Key
	p.Heading(w.t("m.estimates"))
	if w.o.Reach {
		key(w.t("m.rate"), w.t("m.rate.reach"))
	} else {
		key(w.t("m.rate"), w.t("m.rate.text"))
	}
	key(w.t("m.se"), w.t("m.se.text"))
	if w.o.Reach {
		key(w.t("m.df"), w.t("m.df.reach"))
	} else {
		key(w.t("m.df"), w.t("m.df.text"))
	}
	level := w.level()
	ci := "m.ci." + string(w.o.CI)
	if _, ok := assessText[ci]; !ok {
		ci = "m.ci.logit"
	}
	key(w.t("m.ci"), w.t(ci, level)+" "+w.t("m.ci.other"))
	key(w.t("m.nchs"), w.t("m.nchs.text"))
	key(w.t("m.ratio"), w.t("m.ratio.text"))
	key(w.t("m.notobs"), w.t("m.notobs.text", level))
	key(w.t("m.small"), w.t("m.small.text", w.o.MinCount, w.o.MinCount-1))
	if w.o.Suppress {
		key(w.t("m.publish"), w.t("m.publish.yes"))
	} else {
		key(w.t("m.publish"), w.t("m.publish.no"))
	}
}

// peopleParas say how the counts of people in need are made.
func (w *assessWriter) peopleParas(p *workbook.Paras) {
	key := p.Key
	p.Heading(w.t("m.people"))
	key(w.t("m.demand"), w.t("m.demand.text"))
	key(w.t("m.units"), w.t("m.units.text"))
	key(w.t("m.clients"), w.t("m.clients.text"))
	for _, s := range w.services {
		d, ok := w.demand[[2]string{assess.AllGroup, s}]
		if !ok || d.Unit == hromada.Family || d.Unit == "" {
			continue
		}
		key(w.serviceName(s), w.clientsFrom(d))
	}
	key(w.t("m.plausible"), w.t("m.plausible.text"))
	key(w.t("m.union"), w.t("m.union.text"))
	key(w.t("sheet.demand"), w.t("demand.note"))
}

// sourceParas name the data sources, with their dates, and the software.
func (w *assessWriter) sourceParas(p *workbook.Paras, survey string) {
	a, key := w.a, p.Key
	p.Heading(w.t("m.sources"))
	key(w.t("m.survey"), survey)
	if len(a.Registry) == 0 {
		key(w.t("m.registry.key"), w.t("m.registry.none"))
	}
	for _, reg := range a.Registry {
		key(w.t("m.registry.key"), w.t("m.registry", w.groupName(reg.Group), workbook.FormatCount(w.lang, reg.Count),
			workbook.UnitWord(w.lang, reg.Unit, reg.Count), reg.AsOf, reg.Source))
	}
	if a.Catalogue != "" {
		key(w.t("m.catalogue"), a.Catalogue)
	}
	p.Heading(w.t("m.software"))
	key("hromada", w.t("m.software.text"))
}
