package sim

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"
)

// The household survey: a stratified two-stage sample of a community's
// synthetic population. Strata are urban and rural; clusters (PSUs) are
// settlements drawn with probability proportional to size; households are
// drawn at random within them. Interviews then happen on weekdays of
// November and December 2025, as a KoboToolbox form records them.

// Sample constants: a sampled settlement gives at least MinPerCluster
// households (when it has them); NonConsentRate of households refuse.
const (
	MinPerCluster  = 8
	NonConsentRate = 0.02
)

// Fieldwork: the first day, the time zone of the interviews (Kyiv is UTC+2
// in November and December) and the interviews one enumerator does a day.
var (
	FieldworkStart = time.Date(2025, 11, 3, 0, 0, 0, 0, kyiv)
	kyiv           = time.FixedZone("EET", 2*60*60)
	perDay         = 12
)

// StratumDesign is the sample design of one stratum.
type StratumDesign struct {
	Stratum    string
	Households int // households in the population
	Sample     int // households sampled
	Clusters   int // settlements sampled
}

// Weight is the expansion weight of a household of the stratum:
// households in the stratum / households sampled in it.
func (d StratumDesign) Weight() float64 {
	return math.Round(float64(d.Households)/float64(d.Sample)*1e4) / 1e4
}

// Interview is one submission of the questionnaire.
type Interview struct {
	Settlement *Settlement
	Household  *Household
	Weight     float64
	Consent    bool
	Answers    map[string]string // reported answers to the yes/no questions
	Start, End time.Time
	Submitted  time.Time // UTC
	Enumerator string
	ID         int
	UUID       string
}

// Survey is the sample of one community and its interviews, in the order
// the server received them.
type Survey struct {
	Community  *Community
	Design     []StratumDesign
	Interviews []*Interview
	Version    string // the form version the export shows as __version__
}

// DrawSurvey samples c with design, one element a stratum, and records the
// interviews. Each stratum's Sample is set to the households interviewed:
// the design's, unless its clusters hold fewer households than that.
func DrawSurvey(c *Community, design []StratumDesign, r *rand.Rand) *Survey {
	s := &Survey{Community: c, Design: design, Version: "v" + randomString(r, 21)}
	var visits [][]*Interview // one slice per sampled settlement
	for di := range s.Design {
		d := &s.Design[di]
		var frame []*Settlement
		for _, st := range c.Settlements {
			if st.Stratum == d.Stratum {
				frame = append(frame, st)
			}
		}
		chosen := pickPPS(r, frame, d.Clusters)
		shares := make([]float64, len(chosen))
		for i := range shares {
			shares[i] = 0.5 + r.Float64()
		}
		takes := Apportion(d.Sample, shares, MinPerCluster)
		sizes := make([]int, len(chosen))
		for i, st := range chosen {
			sizes[i] = len(st.Households)
		}
		fitTakes(takes, sizes)
		var stratum []*Interview
		for i, st := range chosen {
			var visit []*Interview
			for _, k := range r.Perm(len(st.Households))[:min(takes[i], len(st.Households))] {
				visit = append(visit, interviewOf(st, &st.Households[k], r))
			}
			visits = append(visits, visit)
			stratum = append(stratum, visit...)
		}
		d.Sample = len(stratum) // the clusters may hold fewer households than the design's sample
		for _, iv := range stratum {
			iv.Weight = d.Weight()
		}
	}
	s.schedule(visits, r)
	return s
}

// fitTakes moves what a settlement cannot give (a take above its size) to
// the other sampled settlements of the stratum that have households to
// spare, one at a time in turn, so the stratum's sample stays whole when
// its clusters allow. It draws nothing.
func fitTakes(takes, sizes []int) {
	excess := 0
	for i := range takes {
		if takes[i] > sizes[i] {
			excess += takes[i] - sizes[i]
			takes[i] = sizes[i]
		}
	}
	for excess > 0 {
		moved := false
		for i := range takes {
			if excess > 0 && takes[i] < sizes[i] {
				takes[i]++
				excess--
				moved = true
			}
		}
		if !moved {
			return
		}
	}
}

// pickPPS draws k settlements of frame without replacement, each draw with
// probability proportional to households.
func pickPPS(r *rand.Rand, frame []*Settlement, k int) []*Settlement {
	left := slices.Clone(frame)
	var out []*Settlement
	total := 0
	for _, s := range left {
		total += len(s.Households)
	}
	for range min(k, len(frame)) {
		u := r.IntN(total)
		for i, s := range left {
			if u < len(s.Households) {
				out = append(out, s)
				total -= len(s.Households)
				left = slices.Delete(left, i, i+1)
				break
			}
			u -= len(s.Households)
		}
	}
	return out
}

// interviewOf records what household h answers. About 2 % refuse; the
// sensitive questions get a few "don't know" and "prefer not to answer".
func interviewOf(s *Settlement, h *Household, r *rand.Rand) *Interview {
	iv := &Interview{Settlement: s, Household: h, Consent: r.Float64() >= NonConsentRate}
	if !iv.Consent {
		return iv
	}
	iv.Answers = map[string]string{
		"low_income": reported(r, h.Low, 0.008, 0.01),
	}
	// The questionnaire asks about displacement and difficult life
	// circumstances of families with children only, as the groups are
	// named: "IDP families with children", "families with children in
	// difficult life circumstances".
	if h.Children > 0 {
		iv.Answers["idp"] = reported(r, h.IDP, 0.003, 0.005)
		iv.Answers["difficult_circumstances"] = reported(r, h.SJO, 0.02, 0.01)
		iv.Answers["child_disability"] = reported(r, h.Disabled > 0, 0.002, 0.006)
		// A family keeps large-family status while an older child studies,
		// so a few families with two children under 18 say yes.
		iv.Answers["large_family"] = reported(r, h.Large() || (h.Children == 2 && r.Float64() < 0.04), 0.002, 0)
	}
	return iv
}

// reported is the answer to a yes/no question whose true answer is yes:
// "dnk" with probability dnk, "pnta" with probability pnta.
func reported(r *rand.Rand, yes bool, dnk, pnta float64) string {
	u := r.Float64()
	switch {
	case u < dnk:
		return "dnk"
	case u < dnk+pnta:
		return "pnta"
	case yes:
		return "yes"
	}
	return "no"
}

// schedule gives each interview its times, enumerator, _id and _uuid.
// Enumerators visit settlements one after another, about perDay interviews
// a working day; phones send a form at once when online, otherwise in the
// evening or the next morning.
func (s *Survey) schedule(visits [][]*Interview, r *rand.Rand) {
	n := 0
	for _, v := range visits {
		n += len(v)
	}
	teams := max(2, int(math.Ceil(float64(n)/float64(perDay*20))))
	day := make([]time.Time, teams) // each enumerator's next working day
	for i := range day {
		day[i] = FieldworkStart
	}
	for vi, v := range visits {
		e := vi % teams
		d := day[e]
		t := d.Add(9*time.Hour + time.Duration(r.IntN(40))*time.Minute)
		done := 0
		for _, iv := range v {
			if done == perDay+r.IntN(3)-1 || t.Hour() >= 18 {
				d = nextWorkday(d)
				t = d.Add(9*time.Hour + time.Duration(r.IntN(40))*time.Minute)
				done = 0
			}
			iv.Enumerator = fmt.Sprintf("enum_%s_%d", s.Community.Slug[:4], e+1)
			iv.Start = t.Add(time.Duration(r.IntN(60000)) * time.Millisecond)
			length := time.Duration(14+r.IntN(22)) * time.Minute
			if !iv.Consent {
				length = time.Duration(1+r.IntN(3)) * time.Minute
			}
			iv.End = iv.Start.Add(length + time.Duration(r.IntN(60000))*time.Millisecond)
			iv.Submitted = submitted(r, iv.End).UTC().Truncate(time.Second)
			t = iv.End.Add(time.Duration(5+r.IntN(20)) * time.Minute)
			done++
		}
		day[e] = nextWorkday(d)
	}
	var all []*Interview
	for _, v := range visits {
		all = append(all, v...)
	}
	slices.SortStableFunc(all, func(a, b *Interview) int {
		return cmp.Or(a.Submitted.Compare(b.Submitted), a.Start.Compare(b.Start))
	})
	id := 610_000_000 + r.IntN(5_000_000)
	for _, iv := range all {
		id += 1 + r.IntN(40)
		iv.ID = id
		iv.UUID = uuid(r)
	}
	s.Interviews = all
}

// submitted returns when a form finished at end reaches the server.
func submitted(r *rand.Rand, end time.Time) time.Time {
	switch u := r.Float64(); {
	case u < 0.4: // online
		return end.Add(time.Duration(5+r.IntN(120)) * time.Second)
	case u < 0.85 && end.Hour() < 18: // synced in the evening
		d := time.Date(end.Year(), end.Month(), end.Day(), 18, 30, 0, 0, kyiv)
		return d.Add(time.Duration(r.IntN(3*3600)) * time.Second)
	default: // synced the next morning
		d := time.Date(end.Year(), end.Month(), end.Day()+1, 7, 45, 0, 0, kyiv)
		return d.Add(time.Duration(r.IntN(5400)) * time.Second)
	}
}

// nextWorkday returns the next day from Monday to Friday after d.
func nextWorkday(d time.Time) time.Time {
	d = d.AddDate(0, 0, 1)
	for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// uuid returns a random (version 4) UUID drawn from r.
func uuid(r *rand.Rand) string {
	var b [16]byte
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// randomString returns n letters and digits drawn from r.
func randomString(r *rand.Rand, n int) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}
