package main

import (
	"encoding/json"
	"math"
	"reflect"
	"testing"
)

func TestSnake(t *testing.T) {
	for in, want := range map[string]string{"TargetGap": "target_gap", "FTE": "fte", "HireFTE": "hire_fte", "FTEStep": "fte_step", "Years": "years", "DemandLow": "demand_low"} {
		if got := snake(in); got != want {
			t.Errorf("snake(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestJSONValue(t *testing.T) {
	type inner struct{ Share float64 }
	type row struct {
		Name   string
		Gap    float64
		Parts  []inner
		Tagged int `json:"n"`
	}
	b, err := json.Marshal(jsonValue(reflect.ValueOf(row{Name: "a", Gap: math.NaN(), Parts: []inner{{0.5}}, Tagged: 3})))
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"gap":null,"n":3,"name":"a","parts":[{"share":0.5}]}`; string(b) != want {
		t.Errorf("got %s, want %s", b, want)
	}
}
