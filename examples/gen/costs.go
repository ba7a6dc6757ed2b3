package main

import (
	"math/rand/v2"

	"github.com/hromada-tool/hromada/examples/internal/sim"
	"github.com/hromada-tool/hromada/project"
)

// costRows are the rows of costs.xlsx: the posts, other costs and start-up
// items of package sim, and each community's donor schedule and budget
// revenue. code turns a needs option into the catalogue's service code.
func costRows(ex *example, code func(key string) (string, error)) (map[string][][]any, error) {
	postRows, otherRows, startRows, err := sim.ServiceRows(code)
	if err != nil {
		return nil, err
	}
	var funding, revenue [][]any
	for i, p := range places {
		funding = append(funding, sim.FundingRows(p.Code, firstYear, years)...)
		r := rand.New(rand.NewPCG(ex.Seed, uint64(300+i)))
		revenue = append(revenue, sim.RevenueRow(p.Code, p.Pop, firstYear, r))
	}
	return map[string][][]any{
		project.Posts.Key:      postRows,
		project.OtherCosts.Key: otherRows,
		project.Startup.Key:    startRows,
		project.Funding.Key:    funding,
		project.Revenue.Key:    revenue,
	}, nil
}
