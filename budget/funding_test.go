package budget

import "testing"

// TestScheduleShares: the three kinds of schedule, shares by year. The
// values are test assumptions; the expected shares follow from the
// formulas of Schedule.Shares, worked out beside each case.
func TestScheduleShares(t *testing.T) {
	tests := []struct {
		name  string
		s     Schedule
		total float64
		want  [][3]float64 // donor, state, local by year
	}{
		{"explicit with state", Schedule{Donor: []float64{0.6, 0.3, 0}, State: []float64{0.2, 0.2, 0.2}}, 0,
			// local = 1 − donor − state: 0.2, 0.5, 0.8
			[][3]float64{{0.6, 0.2, 0.2}, {0.3, 0.2, 0.5}, {0, 0.2, 0.8}}},
		{"linear 100 % over 4 years", Schedule{Kind: Linear, Start: 1, Over: 4}, 0,
			// 1 − t/4: 1, 0.75, 0.5, 0.25, 0, then 0
			[][3]float64{{1, 0, 0}, {0.75, 0, 0.25}, {0.5, 0, 0.5}, {0.25, 0, 0.75}, {0, 0, 1}, {0, 0, 1}}},
		{"linear 80 % over 2 years", Schedule{Kind: Linear, Start: 0.8, Over: 2}, 0,
			// 0.8 · (1 − t/2): 0.8, 0.4, 0
			[][3]float64{{0.8, 0, 0.2}, {0.4, 0, 0.6}, {0, 0, 1}}},
		{"cap of 250 on 1,000 with state 50 %", Schedule{Kind: Cap, Cap: []float64{250, 600, 0}, State: []float64{0.5, 0.5, 0.5}}, 1000,
			// min(250, 500)/1,000 = 0.25; min(600, 500)/1,000 = 0.5; 0
			[][3]float64{{0.25, 0.5, 0.25}, {0.5, 0.5, 0}, {0, 0.5, 0.5}}},
		{"cap with nothing to pay", Schedule{Kind: Cap, Cap: []float64{250}}, 0,
			[][3]float64{{0, 0, 1}}},
		{"zero schedule", Schedule{}, 0,
			[][3]float64{{0, 0, 1}, {0, 0, 1}}},
	}
	for _, tt := range tests {
		for y, want := range tt.want {
			d, s, l := tt.s.Shares(y, tt.total)
			if !near(d, want[0]) || !near(s, want[1]) || !near(l, want[2]) {
				t.Errorf("%s: Shares(%d, %v) = %v, %v, %v, want %v", tt.name, y, tt.total, d, s, l, want)
			}
		}
	}
}
