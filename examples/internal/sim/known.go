package sim

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/project"
)

// Known clients (registry.xlsx, sheet known_clients): for the rare needs a
// household survey of a few hundred families cannot estimate, what the
// community's case records know. A client of the synthetic population is
// known to the records with the service's share below, each drawn on its
// own, so the count is below the true number, as records are. The shares
// are the example's assumptions; no published share was found.
//
// Use: "floor" where the survey also asks and may find clients the records
// do not know (a family that never applied), so demand is the larger of the
// two; "demand" where the records, not a household's answer, decide who
// gets the service, so the count replaces the survey's estimate.
const (
	// knownDayCare: a family asks for day care by applying to the centre
	// of social services (ЦНСП), which keeps the register of applications
	// and assessments; where the service is not offered yet, many families
	// have not applied. About six in ten families of a child who needs it
	// are in the register.
	knownDayCare = 0.6
	// knownRespite: respite is asked for less often than day care —
	// parents rarely expect a short stay to be offered — so about half of
	// the families who need it are in the centre's register.
	knownRespite = 0.5
	// knownEarly: the primary care centre (ЦПМСД) sees every child under 4
	// at the scheduled check-ups, but refers for early intervention only
	// the clearer cases of delayed development: about half of the families
	// whose child needs it.
	knownEarly = 0.5
	// knownInclusive: an assistant in class is given on the conclusion of
	// the inclusive resource centre (ІРЦ), which the education department
	// lists; most pupils who need one have been assessed before or at
	// school entry, about nine in ten.
	knownInclusive = 0.9
	// knownSupported: adults with disabilities who need supported living
	// are known to the social protection department (disability
	// assistance, applications for residential care); about eight in ten
	// have applied or been assessed.
	knownSupported = 0.8
)

// knownService is a rare service whose clients the records know: its
// needs option, the share of the true clients known, the use and the
// source a community would name.
type knownService struct {
	Key    string
	Share  float64
	Use    string
	Source string
}

// KnownServices are the rare services of the example's Known clients
// sheet. Day care, respite and early intervention are floors: the survey
// asks about them and can find families the records miss. Inclusive
// support is demand: the service is given on the inclusive resource
// centre's conclusion, which the education department's list holds, not
// on a parent's answer. Supported living is demand: the need is assessed
// by the social protection department, and a household survey also misses
// the adults who live in residential institutions, the service's first
// clients.
var KnownServices = []knownService{
	{"day_care_children", knownDayCare, "floor", "журнал обліку ЦНСП: заяви й оцінки потреб сімей дітей з інвалідністю"},
	{"respite_care", knownRespite, "floor", "журнал обліку ЦНСП: звернення батьків дітей з інвалідністю"},
	{"early_intervention", knownEarly, "floor", "дані ЦПМСД про дітей до 4 років із ризиком затримки розвитку"},
	{"inclusive_support", knownInclusive, "demand", "дані управління освіти про дітей з ООП (висновки ІРЦ)"},
	{"supported_living", knownSupported, "demand", "дані УСЗН про осіб з інвалідністю, які потребують підтриманого проживання"},
}

// KnownClientsRows returns the rows of the Known clients sheet for
// community c as of asOf: for each of KnownServices, how many of its true
// clients the records know, in the service's unit (the members who need
// it; for a service counted in families, the families of a target group
// that need it, as Community.Demand counts them). code gives a needs
// option's classifier code and unit. The use is written as the template of
// language lang offers it in its drop-down (мінімум / floor).
func KnownClientsRows(c *Community, asOf time.Time, code func(key string) (string, hromada.Unit, error), lang hromada.Lang, r *rand.Rand) ([][]any, error) {
	var rows [][]any
	for _, ks := range KnownServices {
		k := -1
		for i, o := range project.NeedOptions {
			if o.Key == ks.Key {
				k = i
			}
		}
		if k < 0 {
			return nil, fmt.Errorf("the questionnaire does not ask about %q, a service of the Known clients sheet", ks.Key)
		}
		svc, unit, err := code(ks.Key)
		if err != nil {
			return nil, err
		}
		known := 0
		for _, s := range c.Settlements {
			for i := range s.Households {
				h := &s.Households[i]
				if !h.Needs[k] {
					continue
				}
				clients := h.Clients(k)
				if unit == hromada.Family {
					if !h.InGroup() {
						continue
					}
					clients = 1
				}
				for range clients {
					if r.Float64() < ks.Share {
						known++
					}
				}
			}
		}
		rows = append(rows, []any{c.Code, svc, known, string(unit), asOf, ks.Source, useIn(ks.Use, lang)})
	}
	return rows, nil
}

// useIn returns a use code (floor, demand) as the template of language
// lang shows it; a code the list does not have is returned as it is.
func useIn(code string, lang hromada.Lang) string {
	for _, v := range project.FixedLists["use"] {
		if v.Code == code {
			return v.Label.In(lang)
		}
	}
	return code
}
