package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// writeReadme writes README.md into the generated project: what it is,
// how it was made and its totals.
func writeReadme(dir string, n *national) error {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	var pop, hh, rows, clusters, twoStrata int
	kinds := map[string]int{}
	var sample []int
	for _, c := range n.Communities {
		pop += c.Place.Pop
		hh += c.Households
		rows += c.Rows
		sample = append(sample, c.Rows)
		kinds[c.Place.Kind]++
		for _, k := range c.Clusters {
			clusters += k
		}
		if len(c.Strata) == 2 {
			twoStrata++
		}
	}
	slices.Sort(sample)
	o := n.Opt
	p("# Synthetic national project: %d communities, %d households surveyed\n\n", len(n.Communities), rows)
	p("**Everything in this folder is synthetic**: the communities' names, their KATOTTG-like\n")
	p("codes, populations and towns, the households, the registry counts, the providers and the\n")
	p("costs. No code here is a real community's. It was made by a program to measure hromada on a\n")
	p("country's worth of surveys:\n\n")
	p("```\ngo run ./examples/national -communities %d -households %d -format %s -seed %d -o DIR\n```\n\n", o.Communities, o.Households, o.Format, o.Seed)
	p("The same command writes the same bytes. See examples/national/README.md for how.\n\n")
	p("| | |\n|---|---|\n")
	p("| communities | %d: %d cities, %d urban-type settlements, %d village communities |\n", len(n.Communities), kinds[city], kinds[settlement], kinds[village])
	p("| residents | %d |\n", pop)
	p("| households | %d |\n", hh)
	p("| households surveyed | %d: from %d to %d a community, median %d |\n", rows, sample[0], sample[len(sample)-1], sample[len(sample)/2])
	p("| strata | urban and rural in %d communities, rural only in %d |\n", twoStrata, len(n.Communities)-twoStrata)
	p("| settlements sampled | %d |\n", clusters)
	p("| survey files | `survey/<community>.%s`, one per community |\n", o.Format)
	return os.WriteFile(filepath.Join(dir, "README.md"), []byte(b.String()), 0o644)
}
