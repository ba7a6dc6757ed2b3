package main

import (
	"fmt"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/catalogue"
	"os"
	"path/filepath"
	"strings"

	"github.com/hromada-tool/hromada/examples/internal/sim"
	"github.com/hromada-tool/hromada/project"
)

// writeReadme writes README.md into dir, describing the files the
// generator wrote there. It runs last, so it can give their sizes.
func writeReadme(dir string, ex *example, rows map[string]string) error {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }

	p("# Example project: six communities of Zhytomyr oblast\n\n")
	p("**All figures in this folder are synthetic**, except the population of each community.\n")
	p("They were made by a program, not collected from anyone; no household, provider or\n")
	p("budget in them is real. Use them to learn hromada, to test it, and to show a\n")
	p("working group what the outputs look like before their own survey is in.\n\n")
	p("*Усі дані в цій папці синтетичні*, крім чисельності населення громад (Держстат, 2022).\n")
	p("Їх згенерувала програма; жодне домогосподарство, надавач чи бюджет тут не справжні.\n\n")
	p("```\ngo run ./cmd/hromada run examples/zhytomyr -o out\n```\n\n")

	p("## The communities\n\n")
	p("The six communities of the \"Minimum Package of Integrated Social Services for Families\n")
	p("with Children\" project in Zhytomyr oblast. Population: State Statistics Service of Ukraine,\n")
	p("1 January 2022, via KSE-Loc-Data-Hub `data/derived/ua-pop-2022.csv` (Zviahelska is listed\n")
	p("there as Novohrad-Volynska, the town's name until 2022).\n\n")
	p("| KATOTTG code | community | population | urban | households | surveyed | clusters (urban + rural) | survey file |\n")
	p("|---|---|---:|---:|---:|---:|---|---|\n")
	for _, s := range ex.Surveys {
		c := s.Community
		u, r := s.Design[0], s.Design[1]
		p("| %s | %s (%s) | %s | %s | %s | %s | %d + %d | `%s` |\n", c.Code, c.UK, c.EN,
			thousands(c.Pop), thousands(c.Urban), thousands(u.Households+r.Households),
			thousands(len(s.Interviews)), u.Clusters, r.Clusters, surveyFile(c.Place))
	}

	p("\n## Files\n\n")
	p("| file | what | rows of data |\n|---|---|---|\n")
	files := []struct{ name, what string }{
		{project.ProjectFile, "settings, communities, groups, needs → services"},
		{project.RegistryFile, "registry counts per community and group (Annex 1)"},
		{project.ProvidersFile, "providers and the services they deliver (Annex 2)"},
		{project.CostsFile, "posts and salaries, other costs, start-up items, donor schedule, budget revenue"},
		{project.FormFile, "the household questionnaire (XLSForm for KoboToolbox)"},
	}
	for _, s := range ex.Surveys {
		files = append(files, struct{ name, what string }{surveyFile(s.Community.Place), "KoboToolbox export of the household survey, " + s.Community.EN})
	}
	for _, f := range files {
		info, err := os.Stat(filepath.Join(dir, f.name))
		if err != nil {
			return err
		}
		p("| `%s` (%d KB) | %s | %s |\n", f.name, (info.Size()+512)/1024, f.what, rows[f.name])
	}

	p("\n## How the data were made\n\n")
	p("`examples/gen` builds them from seed %d with Go's PCG generator; each community draws\n", ex.Seed)
	p("from its own stream. The group rates are calibrated to published figures for Zhytomyr\n")
	p("oblast or Ukraine (sources below); every other number is an assumption chosen to look\n")
	p("plausible for the oblast, not a measurement.\n\n")
	p("1. **Population.** Each community gets population ÷ %.1f households, urban ones in\n", sim.PersonsPerHousehold)
	p("   precincts of the town (about 900 households each) and rural ones in villages (about\n")
	p("   160 each). Village names are drawn from a list of common Ukrainian village names; they\n")
	p("   are not the villages of these communities. Each household has members with an age and\n")
	p("   a disability status (children drawn one by one), so needs can be drawn per member.\n")
	p("2. **Groups**, calibrated to published figures for Zhytomyr oblast (each is a named constant\n")
	p("   with its source in `examples/internal/sim/sources.go`): households with children 38.1 %%\n")
	p("   (State Statistics Service, 2018), children per family 71.8 / 25.3 / 2.9 %% for one, two,\n")
	p("   three or more; %s children with disabilities (oblast administration, 3 December 2024),\n", thousands(sim.ZhytomyrChildrenWithDisabilities2024))
	p("   about 2.5 %% of children; %s IDPs of whom %s children (July 2024); %s low-income\n", thousands(sim.ZhytomyrIDPs2024), thousands(sim.ZhytomyrIDPChildren2024), thousands(sim.ZhytomyrLowIncomeFamiliesWithChildren2024))
	p("   families with children (December 2024); families in difficult life circumstances at\n")
	p("   Ukraine's rate (%s families, Ministry of Social Policy, April 2020). Groups are what\n", thousands(sim.UkraineSJOFamilies2020))
	p("   their names say: \"IDP families with children\" and \"families with children in difficult\n")
	p("   life circumstances\" have children (the questionnaire asks those two questions of\n")
	p("   families with children only). Groups raise each other's odds (a displaced family is more\n")
	p("   often low-income, and so on), with a random effect per settlement (displaced families\n")
	p("   cluster in some places). In the synthetic population of all six communities:\n\n")
	p("   | group | share | per 1,000 residents |\n   |---|---:|---:|\n")
	for _, g := range prevalences(ex) {
		p("   | %s | %.1f %% | %.1f |\n", g.name, 100*g.share, g.perThousand)
	}
	p("\n3. **Needs.** Services for a child or a person are drawn per member, among those who can\n")
	p("   need them: day care for a child with a disability aged 4–17 (one in eight of them: the\n")
	p("   service is for children who cannot look after themselves), support in inclusive education\n")
	p("   for a pupil with a disability (one in five), respite care for the parents of a child with\n")
	p("   a disability (one in fourteen), early intervention for a child under 4, home care for a\n")
	p("   member 65 or older or an adult with a disability, supported living for an adult with a\n")
	p("   disability; the household needs a service when one of its members does. Family services\n")
	p("   are a logistic model per household: a base rate, odds ratios for the groups it is in\n")
	p("   (social support far likelier in difficult circumstances; in-kind aid for displaced,\n")
	p("   low-income and large families). All needs share random effects of the settlement, so\n")
	p("   households of one settlement are alike and the survey's design effect is usually above 1.\n")
	p("   True demand per community, in the service's unit:\n\n")
	if err := writeDemandTable(p, ex); err != nil {
		return err
	}
	p("\n4. **Survey.** Strata urban and rural; clusters are settlements drawn with probability\n")
	p("   proportional to size, households drawn at random within them (between %s households in\n", thousands(minSample))
	p("   the smallest community and %s in Zhytomyrska, at least 2 clusters a stratum). The\n", thousands(maxSample))
	p("   `weight` column is households in the stratum ÷ households sampled in it. About %.0f %% of\n", 100*sim.NonConsentRate)
	p("   households refuse (`consent` = no; every question after it is empty); a few answer\n")
	p("   `dnk` (don't know) or `pnta` (prefer not to answer). Interviews run on weekdays from\n")
	p("   %s, and the files are laid out as KoboToolbox exports them: group paths in the\n", sim.FieldworkStart.Format("2 January 2006"))
	p("   headers (`location/hromada`, `household/idp`, `service_needs/needs`), the needs as a column\n")
	p("   of space-separated codes and one 0/1 column per option, Kobo's metadata (`_id`, `_uuid`,\n")
	p("   `_submission_time`, …, `_index`) last. The roster of household members (the repeat\n")
	p("   group `%s`) is a sheet of its own, one row per member of every household that agreed\n", project.RosterSheet)
	p("   to the interview: `roster/member_age`, `roster/member_disability`, `roster/member_needs`\n")
	p("   with its option columns, then `_index`, `_parent_index` (the household's `_index`),\n")
	p("   `_submission__uuid` (its `_uuid`) and the submission's other metadata. The Needs rows of\n")
	p("   the child and person services read their clients from it (`clients_repeat` = roster,\n")
	p("   `clients_column` = member_needs): the members who need the service.\n")
	p("5. **Registry.** Each group's count in the synthetic population, blurred as registers\n")
	p("   differ from residents: displaced families stay registered after they leave (+0–15 %%),\n")
	p("   families in difficult circumstances are registered only once assessed (−0–15 %%). Source:\n")
	p("   \"%s\".\n", registrySource)
	p("   The Known clients sheet holds, as of %s, the clients of the rare services that\n", asOf.Format("2 January 2006"))
	p("   case records know, for every community: each true client is known with the service's\n")
	p("   share (`examples/internal/sim/known.go`, each share an assumption with its reasoning),\n")
	p("   so the counts are below the truth, as records are. Day care, respite and early\n")
	p("   intervention are `floor`: the survey asks too and may find families that never applied.\n")
	p("   Inclusive support and supported living are `demand`: an assistant is given on the\n")
	p("   inclusive resource centre's conclusion, which the education department lists, and\n")
	p("   supported living on the social protection department's assessment, not on a household's\n")
	p("   answer (and a household survey misses adults living in institutions). Known / true:\n\n")
	writeKnownTable(p, ex)
	p("\n")
	p("6. **Providers.** Three to seven providers per community, each with the staff a provider of\n")
	p("   its kind has in a community of that size (a territorial centre of a town of 60,000: about\n")
	p("   30 home-care social workers; a centre for children with disabilities: one or two day-care\n")
	p("   groups). Capacity is what the staff can serve in a year (`sim.PostCapacity`): 10 home-care\n")
	p("   clients a social worker (NORMS.md), a day-care group of 12 children a team of 5, an\n")
	p("   inclusive-education assistant with 1–2 pupils; the rest are the example's assumptions.\n")
	p("   Some services have no provider (supported living nowhere; most services for children\n")
	p("   with disabilities missing in the small communities), so the plan has services to create\n")
	p("   and to enhance.\n")
	p("7. **Costs.** Salaries of 2026 between 9,600 and 14,600 UAH a month (minimum wage 8,647);\n")
	p("   other costs with their economic codes (КЕКВ); start-up items with useful lives; the donor\n")
	p("   pays 100 %% of 2026, 70 %% of 2027, 40 %% of 2028 and nothing after; budget revenue of\n")
	p("   9,000–12,000 UAH a resident, with 4–6 %% of it spent on social protection.\n\n")

	p("## Regenerate\n\n")
	p("```\ngo generate ./examples/...      # or: go run ./examples/gen -o examples/zhytomyr\n```\n\n")
	p("The same seed writes the same bytes; `go test ./examples/gen` fails when this folder and\n")
	p("the generator disagree. `-seed N` draws another population and sample of the same design.\n")
	return os.WriteFile(filepath.Join(dir, "README.md"), []byte(b.String()), 0o644)
}

// groupShare is the share of a group in the synthetic population, of the
// households or families the name says, and per 1,000 residents.
type groupShare struct {
	name        string
	share       float64
	perThousand float64
}

// prevalences returns the true group shares over all communities.
func prevalences(ex *example) []groupShare {
	n := map[string]float64{}
	var households, residents float64
	for _, c := range ex.Communities {
		for k, v := range c.GroupCounts() {
			n[k] += float64(v)
		}
		for _, s := range c.Settlements {
			households += float64(len(s.Households))
		}
		residents += float64(c.Pop)
	}
	families := n["families_with_children"]
	per := func(k string) float64 { return 1000 * n[k] / residents }
	return []groupShare{
		{"families with children, of households", families / households, per("families_with_children")},
		{"IDP families with children, of families with children", n["idp"] / families, per("idp")},
		{"displaced households (with or without children), of households", n["idp_all"] / households, per("idp_all")},
		{"low-income, of households", n["low_income"] / households, per("low_income")},
		{"families with children in difficult life circumstances, of families with children", n["sjo"] / families, per("sjo")},
		{"large (3+ children), of families with children", n["large_family"] / families, per("large_family")},
		{"children with a disability, of children", n["child_disability"] / n["children"], per("child_disability")},
	}
}

// writeDemandTable writes the true demand of each community for the
// services drawn per member, in children or persons (package sim's
// Demand), with per 1,000 residents.
func writeDemandTable(p func(string, ...any), ex *example) error {
	cat, err := catalogue.Default()
	if err != nil {
		return err
	}
	units := make([]hromada.Unit, len(project.NeedOptions))
	var keys []int
	for k, o := range project.NeedOptions {
		if sv, ok := cat.ByKey(o.Key); ok {
			units[k] = sv.Unit
		}
		if units[k] != hromada.Family {
			keys = append(keys, k)
		}
	}
	p("   | community | children with disabilities |")
	for _, k := range keys {
		p(" %s (%s) |", project.NeedOptions[k].Key, units[k])
	}
	p("\n   |---|---:|%s\n", strings.Repeat("---:|", len(keys)))
	for _, c := range ex.Communities {
		d := c.Demand(units)
		p("   | %s | %s |", c.EN, thousands(c.GroupCounts()["child_disability"]))
		for _, k := range keys {
			p(" %s (%.1f ‰) |", thousands(int(d[k])), 1000*d[k]/float64(c.Pop))
		}
		p("\n")
	}
	return nil
}

// thousands formats n with a space between thousands: 263 237.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + " " + s[i:]
	}
	return s
}

// writeKnownTable writes the Known clients of each community beside the
// true number of clients they were drawn from (package sim's Demand).
func writeKnownTable(p func(string, ...any), ex *example) {
	p("   | community |")
	for _, ks := range sim.KnownServices {
		p(" %s (%s, %s) |", ks.Key, ks.Use, percent(ks.Share))
	}
	p("\n   |---|%s\n", strings.Repeat("---:|", len(sim.KnownServices)))
	option := map[string]int{}
	for k, o := range project.NeedOptions {
		option[o.Key] = k
	}
	for i, c := range ex.Communities {
		d := c.Demand(ex.Units)
		p("   | %s |", c.EN)
		for j, ks := range sim.KnownServices {
			p(" %d / %s |", ex.Known[i*len(sim.KnownServices)+j][2], thousands(int(d[option[ks.Key]])))
		}
		p("\n")
	}
}

// percent formats a share as a whole percentage: 60 %.
func percent(x float64) string { return fmt.Sprintf("%.0f %%", 100*x) }
