package assess

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"strings"
)

// MarshalJSON writes the row with the JSON names of its fields; NaN and
// infinite numbers are null, and so are empty analysis_var_value,
// group_var and group_var_value (NA in analysistools), and the figures and
// counts of a Hidden row.
func (r Rate) MarshalJSON() ([]byte, error) {
	if r.Flags == nil {
		r.Flags = []Flag{}
	}
	if r.Verdict.Reasons == nil {
		r.Verdict.Reasons = []Flag{}
	}
	type plain Rate
	null := []string{"analysis_var_value", "group_var", "group_var_value"}
	if r.Hidden {
		null = append(null, hiddenFields...)
	}
	return marshalFlat(plain(r), null...)
}

// MarshalJSON writes the demand with the JSON names of its fields; NaN and
// infinite numbers are null.
func (d Demand) MarshalJSON() ([]byte, error) {
	type plain Demand
	return marshalFlat(plain(d))
}

// marshalFlat encodes a struct field by field in declaration order, writing
// null for NaN or infinite float64 fields, for the empty string fields
// named in nullEmpty and for its other fields named there; other fields go through encoding/json.
func marshalFlat(v any, nullEmpty ...string) ([]byte, error) {
	rv := reflect.ValueOf(v)
	rt := rv.Type()
	var b bytes.Buffer
	b.WriteByte('{')
	first := true
	for i := 0; i < rt.NumField(); i++ {
		f := rt.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		key, _ := json.Marshal(name)
		b.Write(key)
		b.WriteByte(':')
		fv := rv.Field(i)
		switch {
		case fv.Kind() == reflect.Float64 && (math.IsNaN(fv.Float()) || math.IsInf(fv.Float(), 0)):
			b.WriteString("null")
		case fv.Kind() == reflect.String && fv.String() == "" && slices.Contains(nullEmpty, name):
			b.WriteString("null")
		case fv.Kind() != reflect.String && slices.Contains(nullEmpty, name):
			b.WriteString("null")
		default:
			val, err := json.Marshal(fv.Interface())
			if err != nil {
				return nil, err
			}
			b.Write(val)
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
