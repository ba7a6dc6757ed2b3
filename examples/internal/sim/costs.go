package sim

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/hromada-tool/hromada/project"
)

// Cost inputs of the examples. Salaries are plausible 2026 monthly levels
// for communal social-service institutions, all above the 8,647 UAH
// minimum wage of 2026; other amounts are rough but of the right order.
// None is an official norm.

// Post is a staff post of a service: its share of the service's FTE and
// monthly salary.
type Post struct {
	Name   string
	Share  float64
	Salary float64 // UAH a month
}

// English are the English names of the example's posts and cost items,
// by the Ukrainian name, for the Name in English column of costs.xlsx.
var English = map[string]string{
	"Фахівець із соціальної роботи": "Social work specialist",
	"Психолог":            "Psychologist",
	"Юрисконсульт":        "Legal adviser",
	"Фізичний терапевт":   "Physical therapist",
	"Вихователь":          "Care educator",
	"Вчитель-дефектолог":  "Special-needs teacher",
	"Логопед":             "Speech therapist",
	"Асистент дитини":     "Child's assistant",
	"Соціальний робітник": "Social care worker",
	"Медіатор (фахівець із соціальної роботи)":               "Mediator (social work specialist)",
	"Пальне для виїздів до сімей":                            "Fuel for family visits",
	"Мобільний зв'язок":                                      "Mobile phones",
	"Зв'язок та інтернет":                                    "Phone and internet",
	"Методичні матеріали":                                    "Guidance materials",
	"Матеріали для групових занять":                          "Group session materials",
	"Супервізія психологів":                                  "Supervision of psychologists",
	"Цілодобова гаряча лінія":                                "24-hour hotline",
	"Набори екстреної допомоги":                              "Emergency aid kits",
	"Розвивальні та реабілітаційні матеріали":                "Development and rehabilitation materials",
	"Пальне для виїзної роботи":                              "Fuel for outreach work",
	"Харчування дітей":                                       "Children's meals",
	"Опалення приміщення":                                    "Heating of the premises",
	"Електроенергія":                                         "Electricity",
	"Матеріали для занять":                                   "Session materials",
	"Харчування":                                             "Meals",
	"Засоби гігієни та догляду":                              "Hygiene and care supplies",
	"Засоби догляду та гігієни":                              "Care and hygiene supplies",
	"Проїзд соціальних робітників":                           "Travel of social care workers",
	"Опалення квартири":                                      "Heating of the flat",
	"Навчання медіаторів":                                    "Training of mediators",
	"Нотаріальні та судові витрати":                          "Notary and court fees",
	"Продуктові й гігієнічні набори":                         "Food and hygiene kits",
	"Доставка наборів":                                       "Delivery of kits",
	"Друк інформаційних матеріалів":                          "Printing of information materials",
	"Ремонт приміщення денного догляду":                      "Renovation of the day-care premises",
	"Сенсорна кімната й обладнання для занять":               "Sensory room and session equipment",
	"Автомобіль для виїзної роботи команди":                  "Vehicle for the team's outreach work",
	"Діагностичне та реабілітаційне обладнання":              "Diagnostic and rehabilitation equipment",
	"Облаштування кімнати перепочинку":                       "Fitting out the respite room",
	"Ремонт і облаштування квартири підтриманого проживання": "Renovating and fitting out the supported-living flat",
	"Ноутбуки для фахівців":                                  "Laptops for specialists",
	"Облаштування кабінету психолога":                        "Fitting out the psychologist's office",
}

// ExtraMonths are the bonuses and leave pay of a post, in months of salary.
const ExtraMonths = 1.0

// Posts are the posts of each service, by needs option.
var Posts = map[string][]Post{
	"social_support":     {{"Фахівець із соціальної роботи", 1, 13200}},
	"counselling":        {{"Психолог", 0.6, 14200}, {"Юрисконсульт", 0.4, 14500}},
	"psychosocial":       {{"Психолог", 1, 14200}},
	"crisis":             {{"Фахівець із соціальної роботи", 0.5, 13200}, {"Психолог", 0.5, 14200}},
	"early_intervention": {{"Психолог", 0.35, 14200}, {"Фізичний терапевт", 0.35, 14600}, {"Фахівець із соціальної роботи", 0.3, 13200}},
	"day_care_children":  {{"Вихователь", 0.3, 11800}, {"Вчитель-дефектолог", 0.2, 13800}, {"Фізичний терапевт", 0.2, 14600}, {"Логопед", 0.15, 13600}, {"Психолог", 0.15, 14200}},
	"inclusive_support":  {{"Асистент дитини", 1, 10200}},
	"respite_care":       {{"Соціальний робітник", 0.6, 9800}, {"Вихователь", 0.4, 11800}},
	"home_care":          {{"Соціальний робітник", 1, 9600}},
	"supported_living":   {{"Соціальний робітник", 0.6, 9800}, {"Фахівець із соціальної роботи", 0.4, 13200}},
	"mediation":          {{"Медіатор (фахівець із соціальної роботи)", 1, 13800}},
	"representation":     {{"Юрисконсульт", 1, 14500}},
	"natural_aid":        {{"Фахівець із соціальної роботи", 1, 12800}},
	"information":        {{"Фахівець із соціальної роботи", 1, 12800}},
}

// Cost is a recurrent non-staff cost of a service, fixed a year or per
// client a year, with its economic code (КЕКВ).
type Cost struct {
	Item   string
	Basis  string // fixed or per_client
	Amount float64
	KEKV   string
}

// OtherCosts are the other recurrent costs of each service, by needs
// option.
var OtherCosts = map[string][]Cost{
	"social_support":     {{"Пальне для виїздів до сімей", "per_client", 900, "2210"}, {"Мобільний зв'язок", "fixed", 4800, "2240"}},
	"counselling":        {{"Зв'язок та інтернет", "fixed", 7200, "2240"}, {"Методичні матеріали", "fixed", 6000, "2210"}},
	"psychosocial":       {{"Матеріали для групових занять", "per_client", 250, "2210"}, {"Супервізія психологів", "fixed", 24000, "2240"}},
	"crisis":             {{"Цілодобова гаряча лінія", "fixed", 18000, "2240"}, {"Набори екстреної допомоги", "per_client", 600, "2210"}},
	"early_intervention": {{"Розвивальні та реабілітаційні матеріали", "per_client", 1500, "2210"}, {"Пальне для виїзної роботи", "per_client", 1100, "2210"}},
	"day_care_children":  {{"Харчування дітей", "per_client", 14400, "2230"}, {"Опалення приміщення", "fixed", 96000, "2271"}, {"Електроенергія", "fixed", 42000, "2273"}, {"Матеріали для занять", "per_client", 2000, "2210"}},
	"inclusive_support":  {{"Матеріали для занять", "per_client", 800, "2210"}},
	"respite_care":       {{"Харчування", "per_client", 3600, "2230"}, {"Засоби гігієни та догляду", "per_client", 1200, "2210"}},
	"home_care":          {{"Засоби догляду та гігієни", "per_client", 1800, "2210"}, {"Проїзд соціальних робітників", "per_client", 1200, "2240"}},
	"supported_living":   {{"Опалення квартири", "fixed", 48000, "2271"}, {"Електроенергія", "fixed", 18000, "2273"}, {"Харчування", "per_client", 36000, "2230"}},
	"mediation":          {{"Навчання медіаторів", "fixed", 12000, "2240"}},
	"representation":     {{"Нотаріальні та судові витрати", "per_client", 700, "2240"}},
	"natural_aid":        {{"Продуктові й гігієнічні набори", "per_client", 2400, "2730"}, {"Доставка наборів", "fixed", 20000, "2240"}},
	"information":        {{"Друк інформаційних матеріалів", "fixed", 15000, "2240"}, {"Зв'язок та інтернет", "fixed", 7200, "2240"}},
}

// Startup is a one-off start-up item of a service.
type Startup struct {
	Item   string
	Amount float64
	Year   int
	Life   int // years
	KEKV   string
}

// StartupItems are the start-up items of the services that need premises,
// equipment or a vehicle, by needs option.
var StartupItems = map[string][]Startup{
	"day_care_children":  {{"Ремонт приміщення денного догляду", 850000, 2026, 15, "3132"}, {"Сенсорна кімната й обладнання для занять", 320000, 2026, 7, "3110"}},
	"early_intervention": {{"Автомобіль для виїзної роботи команди", 1150000, 2026, 8, "3110"}, {"Діагностичне та реабілітаційне обладнання", 280000, 2026, 6, "3110"}},
	"respite_care":       {{"Облаштування кімнати перепочинку", 180000, 2026, 10, "3110"}},
	"supported_living":   {{"Ремонт і облаштування квартири підтриманого проживання", 600000, 2027, 15, "3132"}},
	"social_support":     {{"Ноутбуки для фахівців", 96000, 2026, 4, "3110"}},
	"psychosocial":       {{"Облаштування кабінету психолога", 90000, 2026, 8, "3110"}},
}

// DonorShare is the donor's share of the cost by year; the state pays
// nothing and the local budget the rest.
var DonorShare = []float64{1.0, 0.7, 0.4, 0, 0}

// ServiceRows are the rows of the project-wide sheets of costs.xlsx —
// Posts, Other costs and Start-up — for the services of the
// questionnaire, in its order. code turns a needs option into the
// catalogue's service code.
func ServiceRows(code func(key string) (string, error)) (posts, other, startup [][]any, err error) {
	for _, o := range project.NeedOptions {
		sc, err := code(o.Key)
		if err != nil {
			return nil, nil, nil, err
		}
		ps, ok := Posts[o.Key]
		if !ok {
			return nil, nil, nil, fmt.Errorf("no posts for service %q", o.Key)
		}
		for _, p := range ps {
			if _, ok := English[p.Name]; !ok {
				return nil, nil, nil, fmt.Errorf("no English name for post %q", p.Name)
			}
			posts = append(posts, []any{sc, p.Name, p.Share, p.Salary, ExtraMonths, English[p.Name]})
		}
		for _, c := range OtherCosts[o.Key] {
			if _, ok := English[c.Item]; !ok {
				return nil, nil, nil, fmt.Errorf("no English name for cost item %q", c.Item)
			}
			other = append(other, []any{sc, c.Item, c.Basis, c.Amount, c.KEKV, English[c.Item]})
		}
		for _, s := range StartupItems[o.Key] {
			if _, ok := English[s.Item]; !ok {
				return nil, nil, nil, fmt.Errorf("no English name for start-up item %q", s.Item)
			}
			startup = append(startup, []any{sc, s.Item, s.Amount, s.Year, s.Life, s.KEKV, English[s.Item]})
		}
	}
	return posts, other, startup, nil
}

// FundingRows are the Funding rows of a community: the donor's share of
// DonorShare in each of the years from firstYear, none from the state.
func FundingRows(code string, firstYear, years int) [][]any {
	var rows [][]any
	for y := range years {
		share := 0.0
		if y < len(DonorShare) {
			share = DonorShare[y]
		}
		rows = append(rows, []any{code, firstYear + y, share, 0.0})
	}
	return rows
}

// RevenueRow is the Budget revenue row of a community of pop residents:
// 9,000–12,000 UAH a resident, 4–6 % of it on social protection, growing
// 5 % a year.
func RevenueRow(code string, pop, year int, r *rand.Rand) []any {
	rev := math.Round(float64(pop)*(9000+3000*r.Float64())/1e5) * 1e5
	social := math.Round(rev*(0.04+0.02*r.Float64())/1e4) * 1e4
	return []any{code, year, rev, social, 0.05}
}
