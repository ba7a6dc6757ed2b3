package project

import (
	"strconv"
	"strings"

	"github.com/hromada-tool/hromada"
)

// Kind is the type of value a column holds.
type Kind int

// Kinds of column values.
const (
	Text    Kind = iota // any text
	Number              // a decimal number ≥ 0 unless the column says otherwise
	Integer             // a whole number ≥ 0
	YesNo               // yes/no, так/ні, 1/0
	Date                // a date (Excel date, 2026-01-01 or 01.01.2026)
	Code                // one of a list (service code, group id, community code, unit …)
	Share               // a share 0..1, or a percentage 0..100 %
)

// Field is one column of an input sheet, or one key of the settings sheet.
type Field struct {
	Key      string       // stable name, accepted as a header in any language
	Label    hromada.Text // header the templates write
	Kind     Kind         // what the cells hold
	Required bool         // a row without it is an error
	List     string       // for Code and YesNo: which drop-down list (see Lists)
	Help     hromada.Text // one line for the instructions sheet
	Example  string       // a value shown in the instructions
	// ExampleEN is the example in English workbooks and messages, for a
	// field whose values are words of the user's language; "" means
	// Example in both languages.
	ExampleEN string
	Default   string  // value used when the cell is empty
	Width     float64 // column width in the template
}

// ExampleIn returns the field's example in lang: ExampleEN in English
// when set, else Example; a code of a fixed list as the list shows it in
// lang («дитина» for child); an example of numbers with the decimal comma
// in Ukrainian («0,3 0,6 1»), but not a code («002.0»).
func (f Field) ExampleIn(lang hromada.Lang) string {
	if lang == hromada.English && f.ExampleEN != "" {
		return f.ExampleEN
	}
	for _, x := range FixedLists[f.List] { // a list's code as its drop-down shows it
		if x.Code == f.Example {
			return x.Shown(lang)
		}
	}
	if lang == hromada.Ukrainian && f.Kind != Code && numbers(f.Example) {
		return strings.ReplaceAll(f.Example, ".", ",")
	}
	return f.Example
}

// numbers reports whether s is one or more numbers separated by spaces.
func numbers(s string) bool {
	fs := strings.Fields(s)
	for _, x := range fs {
		if _, err := strconv.ParseFloat(x, 64); err != nil {
			return false
		}
	}
	return len(fs) > 0
}

// ExampleText returns the field's example in both languages.
func (f Field) ExampleText() hromada.Text {
	return hromada.Text{UK: f.ExampleIn(hromada.Ukrainian), EN: f.ExampleIn(hromada.English)}
}

// Sheet describes an input sheet: its name in both languages and its
// columns.
type Sheet struct {
	Key    string
	Name   hromada.Text
	Help   hromada.Text
	Fields []Field
	// Optional sheets may be left out of a file: their defaults apply.
	Optional bool
}

// Header returns the sheet's headers in lang.
func (s Sheet) Header(lang hromada.Lang) []string {
	h := make([]string, len(s.Fields))
	for i, f := range s.Fields {
		h[i] = f.Label.In(lang)
	}
	return h
}

// Matches reports whether a header cell names f: its key, or its label in
// either language, compared without case and surrounding space.
func (f Field) Matches(header string) bool {
	h := normHeader(header)
	return h == normHeader(f.Key) || h == normHeader(f.Label.UK) || h == normHeader(f.Label.EN)
}

// NameMatches reports whether a sheet name names s in either language.
func (s Sheet) NameMatches(name string) bool {
	n := normHeader(name)
	return n == normHeader(s.Key) || n == normHeader(s.Name.UK) || n == normHeader(s.Name.EN)
}

func normHeader(s string) string {
	s = strings.TrimSpace(strings.TrimPrefix(s, "\ufeff"))
	s = strings.TrimSuffix(s, "*")
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.Join(strings.Fields(s), " ")
}

// t is shorthand for a bilingual text.
func t(uk, en string) hromada.Text { return hromada.Text{UK: uk, EN: en} }

// The files of a project directory.
const (
	ProjectFile   = "project.xlsx"
	RegistryFile  = "registry.xlsx"
	ProvidersFile = "providers.xlsx"
	CostsFile     = "costs.xlsx"
	FormFile      = "questionnaire.xlsx"
	SurveyDir     = "survey"
	CatalogueFile = "catalogue.xlsx" // optional override of the built-in catalogue
)

// Settings is the key/value sheet of project.xlsx.
var Settings = Sheet{
	Key:  "settings",
	Name: t("Налаштування", "Settings"),
	Help: t("Один параметр на рядок: змінюйте лише стовпець «Значення».",
		"One setting a row: change only the Value column."),
	Fields: []Field{
		{Key: "name", Label: t("Назва проєкту", "Project name"), Kind: Text, Required: true, Example: "Мінімальний пакет — Житомирщина", ExampleEN: "Minimum package — Zhytomyr oblast"},
		{Key: "language", Label: t("Мова звітів", "Report language"), Kind: Code, List: "language", Default: "uk", Help: t("uk або en; прапорець --lang має перевагу", "uk or en; the --lang flag wins")},
		{Key: "first_year", Label: t("Перший рік планування", "First planning year"), Kind: Integer, Required: true, Example: "2026"},
		{Key: "years", Label: t("Років у плані", "Planning years"), Kind: Integer, Default: "5", Help: t("горизонт плану й бюджету", "horizon of the plan and budget")},
		{Key: "weight", Label: t("Стовпець ваги", "Weight column"), Kind: Text, Help: t("порожньо: усі ваги 1", "empty: every weight is 1"), Example: "weight"},
		{Key: "stratum", Label: t("Стовпець страти", "Stratum column"), Kind: Text, Help: t("порожньо: одна страта", "empty: one stratum"), Example: "stratum"},
		{Key: "cluster", Label: t("Стовпець кластера (PSU)", "Cluster (PSU) column"), Kind: Text, Help: t("порожньо: кожне домогосподарство — окремий PSU", "empty: each household is its own PSU"), Example: "settlement"},
		{Key: "fpc", Label: t("Стовпець кількості PSU у страті (FPC)", "Stratum PSU count column (FPC)"), Kind: Text, Help: t("необов'язково: поправка на скінченну сукупність", "optional: finite population correction")},
		{Key: "community", Label: t("Стовпець громади", "Community column"), Kind: Text, Help: t("коли один файл опитування містить кілька громад", "when one survey file holds several communities"), Example: "hromada"},
		{Key: "children", Label: t("Стовпець кількості дітей", "Children column"), Kind: Text, Help: t("для послуг, що рахуються в дітях", "for services counted in children"), Example: "n_children"},
		{Key: "household_size", Label: t("Стовпець розміру домогосподарства", "Household size column"), Kind: Text, Help: t("для послуг, що рахуються в особах", "for services counted in persons"), Example: "hh_size"},
		{Key: "ci_method", Label: t("Метод довірчого інтервалу", "Confidence interval method"), Kind: Code, List: "ci_method", Default: "logit"},
		{Key: "level", Label: t("Рівень довіри", "Confidence level"), Kind: Share, Default: "0.95"},
		{Key: "lonely_psu", Label: t("Страта з одним PSU", "Stratum with one PSU"), Kind: Code, List: "lonely_psu", Default: "adjust"},
		{Key: "min_count", Label: t("Мінімум респондентів у комірці", "Minimum respondents per cell"), Kind: Integer, Default: "5", Help: t("менші комірки приховуються в звітах", "smaller cells are suppressed in reports")},
		{Key: "suppress", Label: t("Приховувати ненадійні оцінки", "Suppress unreliable estimates"), Kind: YesNo, List: "yesno", Default: "yes"},
		{Key: "fte_step", Label: t("Крок округлення ставок", "Staff rounding step (FTE)"), Kind: Code, List: "fte_step", Default: "0.25", Help: t("ставки округлюються вгору до чверті (0.25) або половини (0.5)", "posts are rounded up to a quarter (0.25) or a half (0.5)")},
		{Key: "cpi", Label: t("Індекс споживчих цін, % за рік", "Consumer price growth, % a year"), Kind: Share, Help: t("порожньо: прогноз ІСЦ з Закону про Державний бюджет (каталог)", "empty: the CPI forecast of the State Budget law (catalogue)")},
		{Key: "wage_growth", Label: t("Зростання окладів, % за рік", "Salary growth, % a year"), Kind: Share, Help: t("порожньо: прогноз зростання мінімальної зарплати (каталог), без нього — як ІСЦ", "empty: the minimum-wage growth forecast (catalogue); without one, as the CPI")},
		{Key: "admin_share", Label: t("Частка адміністративних витрат", "Admin share of direct costs"), Kind: Share, Default: "0.1", Help: t("припущення hromada: 10 % прямих витрат", "hromada's assumption: 10 % of direct costs")},
		{Key: "discount_rate", Label: t("Ставка дисконтування", "Discount rate"), Kind: Share, Default: "0", Help: t("для дисконтованих підсумків; 0 — без дисконтування", "for discounted totals; 0: none")},
		{Key: "capital_rate", Label: t("Ставка для рівномірних річних витрат на обладнання", "Rate of the equivalent annual cost of start-up items"), Kind: Share, Default: "0", Help: t("0: вартість / строк служби", "0: cost / useful life")},
		{Key: "threshold", Label: t("Поріг доступності, частка доходів", "Affordability threshold, share of revenue"), Kind: Share, Default: "0.03", Help: t("роки, де місцеві витрати перевищують цю частку доходів, позначаються; припущення hromada", "years whose local cost exceeds this share of revenue are flagged; hromada's assumption")},
	},
}

// Communities lists the communities of a project and where their survey is.
var Communities = Sheet{
	Key:  "communities",
	Name: t("Громади", "Communities"),
	Help: t("Одна громада на рядок.", "One community a row."),
	Fields: []Field{
		{Key: "code", Label: t("Код КАТОТТГ", "KATOTTG code"), Kind: Text, Required: true, Example: "UA18020010000059904", Width: 24},
		{Key: "name_uk", Label: t("Назва", "Name (Ukrainian)"), Kind: Text, Required: true, Example: "Андрушівська"},
		{Key: "name_en", Label: t("Назва англійською", "Name (English)"), Kind: Text, Example: "Andrushivska"},
		{Key: "population", Label: t("Населення", "Population"), Kind: Integer, Required: true, Example: "19530"},
		{Key: "survey_file", Label: t("Файл опитування", "Survey file"), Kind: Text, Required: true, Example: "survey/andrushivska.xlsx", Help: t("шлях відносно папки проєкту", "path relative to the project folder"), Width: 30},
		{Key: "survey_sheet", Label: t("Аркуш опитування", "Survey sheet"), Kind: Text, Help: t("порожньо: перший аркуш", "empty: the first sheet")},
		{Key: "survey_value", Label: t("Значення в стовпці громади", "Value in the community column"), Kind: Text, Help: t("коли файл спільний для кількох громад", "when the file is shared by several communities")},
	},
}

// Groups defines the population groups from survey columns.
var Groups = Sheet{
	Key:  "groups",
	Name: t("Групи", "Groups"),
	Help: t("Група населення = домогосподарства, у яких стовпець має одне з указаних значень.",
		"A population group = the households whose column holds one of the listed values."),
	Fields: []Field{
		{Key: "id", Label: t("Код групи", "Group id"), Kind: Code, List: "group", Required: true, Example: "idp"},
		{Key: "name_uk", Label: t("Назва", "Name (Ukrainian)"), Kind: Text, Example: "Сім'ї ВПО", Width: 30},
		{Key: "name_en", Label: t("Назва англійською", "Name (English)"), Kind: Text, Example: "IDP families", Width: 30},
		{Key: "column", Label: t("Стовпець опитування", "Survey column"), Kind: Text, Required: true, Example: "idp_status"},
		{Key: "values", Label: t("Значення членства", "Member values"), Kind: Text, Default: "yes", Help: t("через пробіл; для select_multiple — код варіанта", "space-separated; for select_multiple the option code"), Example: "yes"},
		{Key: "repeat", Label: t("Аркуш повторної групи", "Repeat sheet"), Kind: Text, Help: t("якщо ознака в повторній групі (roster): член групи, якщо будь-який рядок має значення", "if the attribute is in a repeat group (roster): a member when any row has a value"), Example: "roster"},
		{Key: "unit", Label: t("Одиниця реєстру", "Registry unit"), Kind: Code, List: "unit", Default: "family"},
		{Key: "vulnerability", Label: t("Вага вразливості", "Vulnerability weight"), Kind: Number, Default: "1"},
	},
}

// Needs maps each service to the survey answer that says a household needs it.
var Needs = Sheet{
	Key:  "needs",
	Name: t("Потреби", "Needs"),
	Help: t("Послуга = стовпець так/ні або варіант питання з множинним вибором.",
		"A service = a yes/no column or an option of a select_multiple question."),
	Fields: []Field{
		{Key: "service", Label: t("Код послуги", "Service code"), Kind: Code, List: "service", Required: true, Example: "002.0"},
		{Key: "column", Label: t("Стовпець опитування", "Survey column"), Kind: Text, Required: true, Example: "needs"},
		{Key: "option", Label: t("Варіант відповіді", "Option code"), Kind: Text, Help: t("для select_multiple; порожньо для так/ні", "for select_multiple; empty for a yes/no column"), Example: "social_support"},
		{Key: "clients_repeat", Label: t("Аркуш повторної групи (члени)", "Roster sheet (members)"), Kind: Text,
			Help: t("аркуш повторної групи експорту Kobo, по рядку на члена домогосподарства; клієнти = члени, яким потрібна послуга",
				"the repeat-group sheet of the Kobo export, one row per household member; clients = the members who need the service"),
			Example: "roster"},
		{Key: "clients_column", Label: t("Стовпець клієнтів", "Clients column"), Kind: Text,
			Help: t("з аркушем повторної групи: питання про члена (так/ні або множинний вибір з варіантом цього рядка); без нього: питання «скільки дітей / членів потребують…» (не більше дітей / членів домогосподарства); порожньо: один клієнт на домогосподарство з потребою",
				"with a roster sheet: the member-level question (yes/no, or a select_multiple with this row's option); without it: the household question \"how many children / members need …\" (capped at the household's children / members); empty: one client per household in need"),
			Example: "member_needs"},
	},
}

// Targets set, per service, the share of expected users to cover, the
// uptake and how fast to get there; a service not listed takes the
// catalogue's target and uptake and reaches them evenly over the plan's
// years.
var Targets = Sheet{
	Key:      "targets",
	Name:     t("Цілі", "Targets"),
	Optional: true,
	Help: t("Частка очікуваних користувачів, яку громада планує покрити, частка тих, хто скористається, і шлях до цілі; послуги без рядка беруть ціль з каталогу й досягають її рівномірно за роки плану.",
		"The share of expected users the community plans to cover, the uptake and the path to the target; services without a row take the catalogue's target and reach it evenly over the plan's years."),
	Fields: []Field{
		{Key: "service", Label: t("Код послуги", "Service code"), Kind: Code, List: "service", Required: true},
		{Key: "coverage", Label: t("Цільове охоплення", "Target coverage"), Kind: Share, Help: t("частка очікуваних користувачів; порожньо — з каталогу", "share of expected users; empty: the catalogue's"), Example: "0.8"},
		{Key: "uptake", Label: t("Частка, що скористається", "Uptake"), Kind: Share, Help: t("частка тих, кому потрібна послуга, які нею скористаються (0–1]; порожньо — з каталогу (1)", "share of the people in need expected to use the service, (0–1]; empty: the catalogue's (1)"), Example: "0.6"},
		{Key: "path", Label: t("Шлях нарощування", "Scale-up path"), Kind: Code, List: "path", Default: "linear", Help: t("рівномірно (linear) — за N років (порожньо — за всі роки плану); одразу (step) — з першого року; за частками (ramp) — частки цілі за роками", "linear: evenly over N years (empty: the plan's years); step: from the first year; ramp: shares of the target by year")},
		{Key: "years", Label: t("Років нарощування", "Years to scale up"), Kind: Integer, Help: t("для шляху «рівномірно»; порожньо — роки плану", "for linear; empty: the plan's years"), Example: "3"},
		{Key: "ramp", Label: t("Частки цілі за роками", "Shares of the target by year"), Kind: Text, Help: t("для шляху «за частками»: через пробіл, напр. 0,3 0,6 1", "for ramp: space-separated, e.g. 0.3 0.6 1"), Example: "0.3 0.6 1"},
	},
}

// Registry holds the registry counts per community and group (Annex 1).
var Registry = Sheet{
	Key:  "registry",
	Name: t("Реєстр", "Registry"),
	Help: t("Кількість сімей / дітей / осіб кожної групи станом на 1 січня (Додаток 1).",
		"Number of families / children / persons of each group as of 1 January (Annex 1)."),
	Fields: []Field{
		{Key: "community", Label: t("Код громади", "Community code"), Kind: Code, List: "community", Required: true, Width: 24},
		{Key: "group", Label: t("Код групи", "Group id"), Kind: Code, List: "group", Required: true},
		{Key: "unit", Label: t("Одиниця", "Unit"), Kind: Code, List: "unit", Required: true},
		{Key: "count", Label: t("Кількість", "Count"), Kind: Integer, Required: true},
		{Key: "as_of", Label: t("Станом на", "As of"), Kind: Date, Required: true},
		{Key: "source", Label: t("Джерело", "Source"), Kind: Text, Required: true, Width: 36, Example: "ЄІССС, довідка УСЗН", ExampleEN: "EISSS, social protection department's certificate"},
	},
}

// KnownClients are the clients of a service a community already knows of
// from case records or registers (administrative demand): the service's
// demand, or a floor under the survey's estimate, where a household survey
// is too small for a rare need.
var KnownClients = Sheet{
	Key:      "known_clients",
	Name:     t("Відомі клієнти", "Known clients"),
	Optional: true,
	Help: t("Один рядок = одна громада × одна послуга: скільки людей, яким потрібна послуга, відомо з журналів обліку чи реєстрів. Напр.: UA18020010000059904, 015.3, 12, дитина, 2026-01-01, журнал обліку центру денного догляду, мінімум.",
		"One row = one community × one service: how many people who need the service are known from case records or registers. E.g. UA18020010000059904, 015.3, 12, child, 2026-01-01, the day-care centre's case register, floor."),
	Fields: []Field{
		{Key: "community", Label: t("Код громади", "Community code"), Kind: Code, List: "community", Required: true, Width: 24, Example: "UA18020010000059904"},
		{Key: "service", Label: t("Код послуги", "Service code"), Kind: Code, List: "service", Required: true, Example: "015.3"},
		{Key: "count", Label: t("Кількість", "Count"), Kind: Integer, Required: true, Example: "12", Help: t("ціле число ≥ 0 в одиниці послуги", "a whole number ≥ 0 in the service's unit")},
		{Key: "unit", Label: t("Одиниця", "Unit"), Kind: Code, List: "unit", Required: true, Example: "child", Help: t("має збігатися з одиницею послуги в каталозі", "must be the service's unit in the catalogue")},
		{Key: "as_of", Label: t("Станом на", "As of"), Kind: Date, Required: true, Example: "2026-01-01"},
		{Key: "source", Label: t("Джерело", "Source"), Kind: Text, Required: true, Width: 36, Example: "журнал обліку центру денного догляду", ExampleEN: "case register of the day-care centre"},
		{Key: "use", Label: t("Використання", "Use"), Kind: Code, List: "use", Default: "floor",
			Help: t("попит (demand) — число замінює оцінку опитування; мінімум (floor) — попит не менший за це число", "demand: the count replaces the survey's estimate; floor: demand is at least the count")},
	},
}

// Providers is the inventory of service providers (Annex 2).
var Providers = Sheet{
	Key:  "providers",
	Name: t("Надавачі", "Providers"),
	Help: t("Один рядок = один надавач × одна послуга (Додаток 2).", "One row = one provider × one service (Annex 2)."),
	Fields: []Field{
		{Key: "community", Label: t("Код громади", "Community code"), Kind: Code, List: "community", Required: true, Width: 24},
		{Key: "provider", Label: t("Надавач", "Provider"), Kind: Text, Required: true, Width: 36},
		{Key: "ownership", Label: t("Форма власності", "Ownership"), Kind: Code, List: "ownership", Required: true},
		{Key: "service", Label: t("Код послуги", "Service code"), Kind: Code, List: "service", Required: true},
		{Key: "capacity", Label: t("Річна спроможність, клієнтів", "Annual capacity, clients"), Kind: Number, Required: true},
		{Key: "clients", Label: t("Поточні клієнти", "Current clients"), Kind: Number},
		{Key: "staff_fte", Label: t("Персонал, ставок", "Staff, FTE"), Kind: Number},
		{Key: "vacancies", Label: t("Вакансії, ставок", "Vacancies, FTE"), Kind: Number},
	},
}

// Posts are the staff posts and salaries of the cost inputs.
var Posts = Sheet{
	Key:  "posts",
	Name: t("Посади", "Posts"),
	Help: t("Посадовий оклад і додаткові виплати на одну ставку.", "Salary and extra pay for one full-time post."),
	Fields: []Field{
		{Key: "service", Label: t("Код послуги", "Service code"), Kind: Code, List: "service", Required: true},
		{Key: "post", Label: t("Посада", "Post"), Kind: Text, Required: true, Width: 30},
		{Key: "share", Label: t("Частка ставок послуги", "Share of the service's FTE"), Kind: Share, Default: "1"},
		{Key: "salary", Label: t("Оклад на місяць, грн", "Monthly salary, UAH"), Kind: Number, Required: true},
		{Key: "extra_months", Label: t("Додаткові місяці (премії, відпускні)", "Extra months (bonuses, leave)"), Kind: Number, Default: "0"},
		{Key: "name_en", Label: t("Назва англійською", "Name in English"), Kind: Text, Width: 30, Help: nameENHelp},
	},
}

// OtherCosts are the recurrent non-staff costs of a service.
var OtherCosts = Sheet{
	Key:  "other_costs",
	Name: t("Інші витрати", "Other costs"),
	Help: t("Фіксовані на рік або на одного клієнта; індексуються на ІСЦ.", "Fixed per year or per client; indexed by CPI."),
	Fields: []Field{
		{Key: "service", Label: t("Код послуги", "Service code"), Kind: Code, List: "service", Required: true},
		{Key: "item", Label: t("Стаття", "Item"), Kind: Text, Required: true, Width: 30},
		{Key: "basis", Label: t("Основа", "Basis"), Kind: Code, List: "cost_basis", Required: true},
		{Key: "amount", Label: t("Сума на рік, грн", "Annual amount, UAH"), Kind: Number, Required: true},
		{Key: "kekv", Label: t("КЕКВ", "Economic code (KEKV)"), Kind: Code, List: "kekv", Default: "2240"},
		{Key: "name_en", Label: t("Назва англійською", "Name in English"), Kind: Text, Width: 30, Help: nameENHelp},
	},
}

// Startup are the one-off start-up items of a service.
var Startup = Sheet{
	Key:  "startup",
	Name: t("Стартові витрати", "Start-up"),
	Help: t("Ремонт, обладнання, транспорт: купуються в указаний рік і заново після строку служби.",
		"Renovation, equipment, vehicles: bought in the given year and again after their useful life."),
	Fields: []Field{
		{Key: "service", Label: t("Код послуги", "Service code"), Kind: Code, List: "service", Required: true},
		{Key: "item", Label: t("Стаття", "Item"), Kind: Text, Required: true, Width: 30},
		{Key: "amount", Label: t("Вартість, грн", "Cost, UAH"), Kind: Number, Required: true},
		{Key: "year", Label: t("Рік придбання", "Year bought"), Kind: Integer, Required: true},
		{Key: "life", Label: t("Строк служби, років", "Useful life, years"), Kind: Integer, Required: true},
		{Key: "kekv", Label: t("КЕКВ", "Economic code (KEKV)"), Kind: Code, List: "kekv", Default: "3110"},
		{Key: "name_en", Label: t("Назва англійською", "Name in English"), Kind: Text, Width: 30, Help: nameENHelp},
	},
}

// Funding is the donor / state / local share schedule by year.
var Funding = Sheet{
	Key:  "funding",
	Name: t("Фінансування", "Funding"),
	Help: t("Частки донора й держави за роками; решта — місцевий бюджет. Разом не більше 100 %.",
		"Donor and state shares by year; the rest is the local budget. Together at most 100 %."),
	Fields: []Field{
		{Key: "community", Label: t("Код громади", "Community code"), Kind: Code, List: "community", Required: true, Width: 24},
		{Key: "year", Label: t("Рік", "Year"), Kind: Integer, Required: true},
		{Key: "donor", Label: t("Частка донора", "Donor share"), Kind: Share, Required: true},
		{Key: "state", Label: t("Частка держбюджету", "State share"), Kind: Share, Default: "0"},
	},
}

// Revenue is the local budget revenue a community expects.
var Revenue = Sheet{
	Key:  "revenue",
	Name: t("Доходи бюджету", "Budget revenue"),
	Help: t("Доходи місцевого бюджету та видатки на соціальний захист за базовий рік.",
		"Local budget revenue and social-protection spending in the base year."),
	Fields: []Field{
		{Key: "community", Label: t("Код громади", "Community code"), Kind: Code, List: "community", Required: true, Width: 24},
		{Key: "year", Label: t("Рік", "Year"), Kind: Integer, Required: true},
		{Key: "revenue", Label: t("Доходи, грн", "Revenue, UAH"), Kind: Number, Required: true},
		{Key: "social", Label: t("Видатки на соцзахист, грн", "Social-protection spending, UAH"), Kind: Number},
		{Key: "growth", Label: t("Ріст доходів на рік", "Revenue growth a year"), Kind: Share, Default: "0.05"},
	},
}

// File is one input workbook of a project and the sheets it holds.
type File struct {
	Name   string // file name in the project folder
	Title  hromada.Text
	Sheets []Sheet
	Needed bool // a project without it cannot be assessed
}

// Files lists the input workbooks of a project in the order check reads them.
var Files = []File{
	{Name: ProjectFile, Title: t("Налаштування проєкту", "Project settings"), Sheets: []Sheet{Settings, Communities, Groups, Needs, Targets}, Needed: true},
	{Name: RegistryFile, Title: t("Реєстрові дані (Додаток 1)", "Registry counts (Annex 1)"), Sheets: []Sheet{Registry, KnownClients}},
	{Name: ProvidersFile, Title: t("Надавачі послуг (Додаток 2)", "Service providers (Annex 2)"), Sheets: []Sheet{Providers}},
	{Name: CostsFile, Title: t("Вихідні дані для бюджету", "Cost inputs"), Sheets: []Sheet{Posts, OtherCosts, Startup, Funding, Revenue}},
}

// nameENHelp is the note on the optional English name of a post or cost
// item.
var nameENHelp = t("Назва посади чи статті в англомовних таблицях; якщо порожньо — назва, як її написано",
	"The post's or item's name in English workbooks; if blank, the name as typed")
