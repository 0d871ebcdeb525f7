package schema

// object is a JSON Schema object under construction.
type object = map[string]any

// ref refers to a definition under $defs.
func ref(name string) object { return object{"$ref": "#/$defs/" + name} }

// described adds a description, which editors show on hover.
func described(desc string, s object) object {
	s["description"] = desc
	return s
}

// fieldsOf is a mapping with exactly the given fields.
func fieldsOf(desc string, props object, required ...string) object {
	s := object{"type": "object", "properties": props, "additionalProperties": false}
	if desc != "" {
		s["description"] = desc
	}
	if len(required) > 0 {
		s["required"] = strs(required)
	}
	return s
}

// listOf is a list of items.
func listOf(desc string, items object) object {
	return described(desc, object{"type": "array", "items": items})
}

// textOf is a per-language text.
func textOf(desc string) object { return described(desc, ref("text")) }

func str(desc string) object { return described(desc, object{"type": "string"}) }

func boolean(desc string) object { return described(desc, object{"type": "boolean"}) }

// strs turns strings into JSON values.
func strs(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
