package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hromada-tool/hromada/examples/internal/sim"
)

// The communities of the national project. Every one is made up: its name,
// its KATOTTG-like code, its population and its town. Only the shape is
// modelled on Ukraine: about 1,469 communities in 24 oblasts, a few large
// cities and many small village communities.

// Kinds of community, by the kind of its centre: a city (міська громада),
// an urban-type settlement (селищна) or a village (сільська). A village
// community has no urban residents, so its survey has one stratum.
const (
	city       = "city"
	settlement = "settlement"
	village    = "village"
)

// council is the genitive of the council of each kind, for the names of
// communal providers.
var council = map[string]string{city: "міської", settlement: "селищної", village: "сільської"}

// nplace is a community of the national project.
type nplace struct {
	sim.Place
	Kind   string
	Oblast string // the oblast's two digits in the code
}

// oblasts are the two-digit KATOTTG codes of Ukraine's 24 oblasts
// (Vinnytsia 05 … Chernihiv 74). The communities are spread over them in
// turn; only the codes' shape is real.
var oblasts = []string{"05", "07", "12", "14", "18", "21", "23", "26", "32", "35", "44", "46",
	"48", "51", "53", "56", "59", "61", "63", "65", "68", "71", "73", "74"}

// Population: log-normal with median popMedian and log-sd popSigma,
// between popMin and popMax residents. With 1,469 communities the total is
// about 30 million and the largest a city of several hundred thousand.
const (
	popMedian = 11_000
	popSigma  = 1.1
	popMin    = 1_500
	popMax    = 1_500_000
)

// perRaion is about how many communities a raion holds: raion codes 02,
// 04, … follow from it.
const perRaion = 11

// makePlaces draws n communities from r: unique names, slugs and codes,
// populations and the urban share of each.
func makePlaces(n int, r *rand.Rand) ([]nplace, error) {
	names := communityNames(n, r)
	tails := r.Perm(90_000) // the codes' last five digits, 10000–99999, all different
	if n > len(tails) {
		return nil, fmt.Errorf("at most %d communities", len(tails))
	}
	out := make([]nplace, n)
	slugs := map[string]bool{}
	perOblast := map[string]int{}
	for i := range out {
		town := names[i]
		uk := adjective(town)
		en := transliterate(uk)
		slug := slugOf(en)
		for k := 2; slugs[slug] || len(slug) < 4; k++ {
			en = fmt.Sprintf("%s %d", transliterate(uk), k)
			slug = slugOf(en)
		}
		slugs[slug] = true
		ob := oblasts[i%len(oblasts)]
		j := perOblast[ob]
		perOblast[ob]++
		raion, hromada := 2+2*(j/perRaion), 1+2*(j%perRaion)
		pop := int(math.Round(popMedian * math.Exp(popSigma*r.NormFloat64())))
		pop = min(max(pop, popMin), popMax)
		kind, urban := urbanShare(pop, r)
		out[i] = nplace{
			Place: sim.Place{
				Code: fmt.Sprintf("UA%s%02d%03d00000%05d", ob, raion, hromada, 10_000+tails[i]),
				UK:   uk, EN: en, Slug: slug, Pop: pop,
				Urban: int(math.Round(float64(pop) * urban)), Town: town,
			},
			Kind: kind, Oblast: ob,
		}
	}
	return out, nil
}

// urbanShare draws the kind of a community of pop residents and the share
// of them living in its centre: large communities are cities, most small
// ones village communities with no urban residents. Every stratum a
// community has holds at least 1,000 residents.
func urbanShare(pop int, r *rand.Rand) (string, float64) {
	u := r.Float64()
	var kind string
	var lo, hi float64
	switch {
	case pop >= 50_000:
		kind, lo, hi = city, 0.80, 0.97
	case pop >= 10_000 && u < 0.55:
		kind, lo, hi = city, 0.45, 0.80
	case pop >= 5_000 && u < 0.80:
		kind, lo, hi = settlement, 0.20, 0.50
	default:
		return village, 0
	}
	share := lo + (hi-lo)*r.Float64()
	urban := float64(pop) * share
	share = min(max(urban, 1000), float64(pop-1000)) / float64(pop)
	return kind, share
}

// Town names are made of a stem, a name ending and sometimes a prefix,
// the way many Ukrainian place names are: Іванів, Новоіванів, Березопіль.
var (
	stems = []string{
		"Іван", "Петр", "Михайл", "Степан", "Тарас", "Роман", "Марк", "Гнат", "Остап", "Богдан",
		"Васил", "Григор", "Дмитр", "Федор", "Юр", "Семен", "Левк", "Кирил", "Прокоп", "Яким",
		"Ярем", "Захар", "Панас", "Назар", "Антон", "Лук", "Мирон", "Устим", "Павл", "Трохим",
		"Берез", "Дуб", "Лип", "Клен", "Ясен", "Граб", "Вільх", "Верб", "Сосн", "Ялин",
		"Горіх", "Калин", "Малин", "Вишн", "Терн", "Озер", "Луг", "Бор", "Гончар", "Став",
		"Яр", "Брід", "Ліс", "Степ", "Криниц", "Мост", "Млин", "Вишгор", "Рудн", "Сокол",
		"Орл", "Журавл", "Лебед", "Ворон", "Голуб", "Вовч", "Бобр", "Бондар", "Ковал", "Зозул",
		"Кос", "Вітр", "Зорян", "Ясн", "Світл", "Тих", "Чист", "Рівн", "Висок", "Широк",
	}
	endings  = []string{"ів", "ин", "опіль"}
	prefixes = []string{"", "Ново", "Старо", "Велико", "Мало", "Верхньо", "Нижньо"}
)

// communityNames returns n different town names in an order drawn from r;
// past the stems' combinations the names repeat with a number.
func communityNames(n int, r *rand.Rand) []string {
	var all []string
	for _, st := range stems {
		for _, e := range endings {
			if strings.HasSuffix(st, e) {
				continue // not Калинин
			}
			for _, p := range prefixes {
				name := st + e
				if p != "" {
					name = p + lowerFirst(name)
				}
				all = append(all, name)
			}
		}
	}
	slices.Sort(all)
	all = slices.Compact(all)
	order := r.Perm(len(all))
	out := make([]string, n)
	for i := range out {
		out[i] = all[order[i%len(all)]]
		if i >= len(all) {
			out[i] += fmt.Sprintf("-%d", i/len(all)+1)
		}
	}
	return out
}

// adjective is the community's name made from its town's: Іванів →
// Іванівська.
func adjective(town string) string {
	base, num, _ := strings.Cut(town, "-")
	adj := base + "ська"
	if num != "" {
		adj += " " + num
	}
	return adj
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// translit is the official Ukrainian romanisation (Cabinet of Ministers
// resolution 55 of 2010) of each letter inside a word; initial holds the
// letters written differently at the start of a word.
var (
	translit = map[rune]string{
		'а': "a", 'б': "b", 'в': "v", 'г': "h", 'ґ': "g", 'д': "d", 'е': "e", 'є': "ie", 'ж': "zh",
		'з': "z", 'и': "y", 'і': "i", 'ї': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n",
		'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts",
		'ч': "ch", 'ш': "sh", 'щ': "shch", 'ь': "", 'ю': "iu", 'я': "ia", '\'': "", '’': "",
	}
	initial = map[rune]string{'є': "ye", 'ї': "yi", 'й': "y", 'ю': "yu", 'я': "ya"}
)

// transliterate romanises a Ukrainian name: Новоіванівська →
// Novoivanivska.
func transliterate(s string) string {
	var b strings.Builder
	start := true
	var prev rune
	for _, c := range s {
		lower := unicode.ToLower(c)
		t, ok := translit[lower]
		switch {
		case !ok:
			t = string(c)
		case start && initial[lower] != "":
			t = initial[lower]
		case lower == 'г' && prev == 'з':
			t = "gh"
		}
		if c != lower && t != "" {
			t = strings.ToUpper(t[:1]) + t[1:]
		}
		b.WriteString(t)
		start = !unicode.IsLetter(c)
		prev = lower
	}
	return b.String()
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// slugOf is the file name of a community's survey and outputs: its English
// name in lower case, other characters turned to hyphens, as hromada names
// a community's workbooks.
func slugOf(en string) string {
	return strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(en), "-"), "-")
}
