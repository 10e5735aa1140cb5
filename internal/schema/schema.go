// Package schema derives JSON Schemas from Go struct types for structured
// output, and validates a model's reply against them.
//
// The schemas are written for the strict mode of OpenAI-compatible
// endpoints: every property is listed in "required" and every object sets
// "additionalProperties": false. go-openai's own struct tags would mark
// omitempty fields optional, which strict mode rejects, so the generator
// ignores omitempty and treats every exported field as required.
//
// Field descriptions come from a `desc:"..."` struct tag; they are sent to
// the model, so they are worded as instructions.
package schema

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// Schema is a JSON Schema node. Only the keywords strict structured output
// accepts are modelled.
type Schema struct {
	Type                 string             `json:"type"`
	Description          string             `json:"description,omitempty"`
	Properties           map[string]*Schema `json:"properties,omitempty"`
	Required             []string           `json:"required,omitempty"`
	AdditionalProperties *bool              `json:"additionalProperties,omitempty"`
	Items                *Schema            `json:"items,omitempty"`
	Enum                 []string           `json:"enum,omitempty"`

	order []string // property order as declared, for stable messages
}

// MarshalJSON writes properties in declaration order so the bytes sent to
// the endpoint, and the golden files that record them, are stable and
// readable.
func (s *Schema) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteString("{")
	field := func(name string, v any) error {
		if b.Len() > 1 {
			b.WriteString(",")
		}
		k, _ := json.Marshal(name)
		val, err := json.Marshal(v)
		if err != nil {
			return err
		}
		b.Write(k)
		b.WriteString(":")
		b.Write(val)
		return nil
	}
	if err := field("type", s.Type); err != nil {
		return nil, err
	}
	if s.Description != "" {
		if err := field("description", s.Description); err != nil {
			return nil, err
		}
	}
	if len(s.Enum) > 0 {
		if err := field("enum", s.Enum); err != nil {
			return nil, err
		}
	}
	if s.Items != nil {
		if err := field("items", s.Items); err != nil {
			return nil, err
		}
	}
	if s.Type == "object" {
		var props strings.Builder
		props.WriteString("{")
		for i, name := range s.order {
			if i > 0 {
				props.WriteString(",")
			}
			k, _ := json.Marshal(name)
			v, err := json.Marshal(s.Properties[name])
			if err != nil {
				return nil, err
			}
			props.Write(k)
			props.WriteString(":")
			props.Write(v)
		}
		props.WriteString("}")
		if err := field("properties", json.RawMessage(props.String())); err != nil {
			return nil, err
		}
		if err := field("required", s.Required); err != nil {
			return nil, err
		}
		if err := field("additionalProperties", false); err != nil {
			return nil, err
		}
	}
	b.WriteString("}")
	return []byte(b.String()), nil
}

// For derives the schema of v's type, which must be a struct or a pointer
// to one. Supported field kinds: string, bool, integers, floats, slices and
// nested structs. An `enum:"a,b,c"` tag restricts a string field.
func For(v any) (*Schema, error) {
	t := reflect.TypeOf(v)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil, fmt.Errorf("schema for %T: want a struct", v)
	}
	return of(t, "")
}

// MustFor is For for package-level schemas built from known types.
func MustFor(v any) *Schema {
	s, err := For(v)
	if err != nil {
		panic(err)
	}
	return s
}

func of(t reflect.Type, desc string) (*Schema, error) {
	switch t.Kind() {
	case reflect.Pointer:
		return of(t.Elem(), desc)
	case reflect.String:
		return &Schema{Type: "string", Description: desc}, nil
	case reflect.Bool:
		return &Schema{Type: "boolean", Description: desc}, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return &Schema{Type: "integer", Description: desc}, nil
	case reflect.Float32, reflect.Float64:
		return &Schema{Type: "number", Description: desc}, nil
	case reflect.Slice, reflect.Array:
		items, err := of(t.Elem(), "")
		if err != nil {
			return nil, err
		}
		return &Schema{Type: "array", Description: desc, Items: items}, nil
	case reflect.Struct:
		s := &Schema{Type: "object", Description: desc, Properties: map[string]*Schema{}}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name := strings.Split(f.Tag.Get("json"), ",")[0]
			if name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			p, err := of(f.Type, f.Tag.Get("desc"))
			if err != nil {
				return nil, fmt.Errorf("field %s: %w", f.Name, err)
			}
			if e := f.Tag.Get("enum"); e != "" {
				p.Enum = strings.Split(e, ",")
			}
			s.Properties[name] = p
			s.order = append(s.order, name)
			s.Required = append(s.Required, name)
		}
		return s, nil
	}
	return nil, fmt.Errorf("unsupported kind %s", t.Kind())
}

// JSON returns the schema as compact JSON.
func (s *Schema) JSON() json.RawMessage {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err) // only strings, bools and nested schemas: cannot fail
	}
	return b
}

// Validate checks a decoded JSON value (from json.Unmarshal into any)
// against s and returns every violation found, each naming its path, e.g.
// "key_points[2].evidence[0]: want integer, got string". A nil result means
// the value conforms.
func (s *Schema) Validate(v any) []string {
	var errs []string
	s.validate(v, "$", &errs)
	return errs
}

func (s *Schema) validate(v any, path string, errs *[]string) {
	add := func(format string, args ...any) {
		*errs = append(*errs, path+": "+fmt.Sprintf(format, args...))
	}
	switch s.Type {
	case "object":
		m, ok := v.(map[string]any)
		if !ok {
			add("want object, got %s", kind(v))
			return
		}
		for _, name := range s.order {
			fv, ok := m[name]
			if !ok {
				add("missing required field %q", name)
				continue
			}
			s.Properties[name].validate(fv, path+"."+name, errs)
		}
		var extra []string
		for name := range m {
			if _, ok := s.Properties[name]; !ok {
				extra = append(extra, name)
			}
		}
		sort.Strings(extra)
		for _, name := range extra {
			add("unexpected field %q", name)
		}
	case "array":
		a, ok := v.([]any)
		if !ok {
			add("want array, got %s", kind(v))
			return
		}
		for i, item := range a {
			s.Items.validate(item, fmt.Sprintf("%s[%d]", path, i), errs)
		}
	case "string":
		str, ok := v.(string)
		if !ok {
			add("want string, got %s", kind(v))
			return
		}
		if len(s.Enum) > 0 && !contains(s.Enum, str) {
			add("%q is not one of %s", str, strings.Join(s.Enum, ", "))
		}
	case "integer":
		f, ok := v.(float64)
		if !ok {
			add("want integer, got %s", kind(v))
			return
		}
		if f != float64(int64(f)) {
			add("want integer, got %v", f)
		}
	case "number":
		if _, ok := v.(float64); !ok {
			add("want number, got %s", kind(v))
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			add("want boolean, got %s", kind(v))
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func kind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "boolean"
	}
	return fmt.Sprintf("%T", v)
}
