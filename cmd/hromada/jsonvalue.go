package main

import (
	"math"
	"reflect"
	"strings"
	"time"
	"unicode"

	"github.com/hromada-tool/hromada/plan"
)

// jsonValue turns a result value into plain maps, slices and numbers for
// JSON: struct fields by their snake_case names (or their json tags),
// NaN and infinite numbers as null.
func jsonValue(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Invalid:
		return nil
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return jsonValue(v.Elem())
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil
		}
		return f
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return []any{}
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = jsonValue(v.Index(i))
		}
		return out
	case reflect.Map:
		out := map[string]any{}
		iter := v.MapRange()
		for iter.Next() {
			out[iter.Key().String()] = jsonValue(iter.Value())
		}
		return out
	case reflect.Struct:
		if t, ok := v.Interface().(time.Time); ok {
			return t.Format(time.RFC3339)
		}
		out := map[string]any{}
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name := snake(f.Name)
			if tag, _, _ := strings.Cut(f.Tag.Get("json"), ","); tag != "" {
				if tag == "-" {
					continue
				}
				name = tag
			}
			out[name] = jsonValue(v.Field(i))
		}
		return out
	}
	return v.Interface()
}

// snake writes a Go field name in snake_case: TargetGap → target_gap,
// FTE → fte, HireFTE → hire_fte.
func snake(s string) string {
	r := []rune(s)
	var b strings.Builder
	for i, c := range r {
		if unicode.IsUpper(c) {
			if i > 0 && (unicode.IsLower(r[i-1]) || i+1 < len(r) && unicode.IsLower(r[i+1]) && unicode.IsUpper(r[i-1])) {
				b.WriteByte('_')
			}
			b.WriteRune(unicode.ToLower(c))
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// planJSON is the plans as JSON values.
func planJSON(plans []plan.Result) any {
	return jsonValue(reflect.ValueOf(plans))
}

// jsonOf is any result as JSON values.
func jsonOf(v any) any {
	return jsonValue(reflect.ValueOf(v))
}
