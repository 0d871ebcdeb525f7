package schema

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// This file is a small JSON Schema validator for the keywords the schemas
// use, so that the tests can run the example files through them.

// supported reports whether the validator understands a keyword, or
// knows it for an annotation that asserts nothing.
func supported(key string) bool {
	switch key {
	case "$ref", "type", "properties", "required", "additionalProperties", "items", "enum", "const", "patternProperties",
		"oneOf", "anyOf", "if", "then", "pattern", "minItems", "uniqueItems", "minProperties", "propertyNames",
		"minimum", "maximum", "$schema", "$defs", "title", "description":
		return true
	}
	return false
}

// validator checks values against one root schema.
type validator struct {
	root map[string]any
}

// validate returns the problems of v against schema s, each as
// "path: problem", sorted.
func (vd validator) validate(s map[string]any, v any) []string {
	var out []string
	vd.check(s, v, "$", &out)
	sort.Strings(out)
	return out
}

func (vd validator) check(s map[string]any, v any, path string, out *[]string) {
	fail := func(format string, args ...any) { *out = append(*out, path+": "+fmt.Sprintf(format, args...)) }
	for key := range s {
		if !supported(key) {
			fail("schema keyword %q is not supported by the test validator", key)
		}
	}
	if r, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(r, "#/$defs/")
		d, ok := vd.root["$defs"].(map[string]any)[name].(map[string]any)
		if !ok {
			fail("unresolved $ref %s", r)
			return
		}
		vd.check(d, v, path, out)
	}
	if t, ok := s["type"]; ok && !hasType(t, v) {
		fail("%s is not of type %v", show(v), t)
		return
	}
	if e, ok := s["enum"].([]any); ok && !slices.ContainsFunc(e, func(x any) bool { return equal(x, v) }) {
		fail("%s is not one of %v", show(v), e)
	}
	if c, ok := s["const"]; ok && !equal(c, v) {
		fail("%s is not %v", show(v), c)
	}
	if n, ok := number(v); ok {
		if m, ok := s["minimum"]; ok && n < toFloat(m) {
			fail("%v is less than %v", n, m)
		}
		if m, ok := s["maximum"]; ok && n > toFloat(m) {
			fail("%v is more than %v", n, m)
		}
	}
	if cond, ok := s["if"].(map[string]any); ok && len(vd.validate(cond, v)) == 0 {
		if then, ok := s["then"].(map[string]any); ok {
			vd.check(then, v, path, out)
		}
	}
	if p, ok := s["pattern"].(string); ok {
		if str, isStr := v.(string); isStr && !regexp.MustCompile(p).MatchString(str) {
			fail("%q does not match %s", str, p)
		}
	}
	if alts, ok := s["oneOf"].([]any); ok {
		n := 0
		for _, a := range alts {
			if len(vd.validate(a.(map[string]any), v)) == 0 {
				n++
			}
		}
		if n != 1 {
			fail("%s matches %d of the oneOf alternatives, want exactly 1", show(v), n)
		}
	}
	if alts, ok := s["anyOf"].([]any); ok && !slices.ContainsFunc(alts, func(a any) bool { return len(vd.validate(a.(map[string]any), v)) == 0 }) {
		fail("%s matches none of the anyOf alternatives", show(v))
	}
	switch v := v.(type) {
	case map[string]any:
		vd.object(s, v, path, out, fail)
	case []any:
		if n, ok := s["minItems"]; ok && len(v) < toInt(n) {
			fail("%d items, want at least %v", len(v), n)
		}
		if s["uniqueItems"] == true {
			for i := range v {
				for j := range i {
					if equal(v[i], v[j]) {
						fail("item %d repeats item %d", i, j)
					}
				}
			}
		}
		if items, ok := s["items"].(map[string]any); ok {
			for i, item := range v {
				vd.check(items, item, fmt.Sprintf("%s[%d]", path, i), out)
			}
		}
	}
}

func (vd validator) object(s map[string]any, v map[string]any, path string, out *[]string, fail func(string, ...any)) {
	if n, ok := s["minProperties"]; ok && len(v) < toInt(n) {
		fail("%d properties, want at least %v", len(v), n)
	}
	for _, r := range asSlice(s["required"]) {
		if _, ok := v[r.(string)]; !ok {
			fail("required property %q is missing", r)
		}
	}
	props, _ := s["properties"].(map[string]any)
	patterns, _ := s["patternProperties"].(map[string]any)
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		sub := path + "." + k
		if pn, ok := s["propertyNames"].(map[string]any); ok {
			vd.check(pn, k, sub+" (name)", out)
		}
		matched := false
		if ps, ok := props[k].(map[string]any); ok {
			vd.check(ps, v[k], sub, out)
			matched = true
		}
		for p, ps := range patterns {
			if regexp.MustCompile(p).MatchString(k) {
				vd.check(ps.(map[string]any), v[k], sub, out)
				matched = true
			}
		}
		if matched {
			continue
		}
		switch ap := s["additionalProperties"].(type) {
		case bool:
			if !ap {
				fail("property %q is not allowed", k)
			}
		case map[string]any:
			vd.check(ap, v[k], sub, out)
		}
	}
}

// hasType reports whether v is of the JSON type t (a name or a list).
func hasType(t any, v any) bool {
	if list, ok := t.([]any); ok {
		return slices.ContainsFunc(list, func(x any) bool { return hasType(x, v) })
	}
	switch t {
	case "string":
		_, ok := v.(string)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "null":
		return v == nil
	case "number":
		switch v.(type) {
		case int, int64, uint64, float64:
			return true
		}
	case "integer":
		switch n := v.(type) {
		case int, int64, uint64:
			return true
		case float64:
			return n == math.Trunc(n)
		}
	}
	return false
}

func equal(a, b any) bool { return fmt.Sprintf("%T %v", a, a) == fmt.Sprintf("%T %v", b, b) }

func show(v any) string {
	s := fmt.Sprintf("%v", v)
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return fmt.Sprintf("%T %s", v, s)
}

// number returns a JSON number as a float64.
func number(v any) (float64, bool) {
	switch n := v.(type) {
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	case uint64:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}

func toFloat(v any) float64 {
	n, _ := number(v)
	return n
}

func toInt(v any) int {
	switch n := v.(type) {
	case int:
		return n
	case float64:
		return int(n)
	}
	return 0
}

func asSlice(v any) []any {
	s, _ := v.([]any)
	return s
}
