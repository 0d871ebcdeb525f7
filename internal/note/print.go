package note

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// Limits of ref's arguments: a note cites a few units at a time, by ids of
// a few words.
const (
	maxRefIDs = 32
	maxIDLen  = 256
)

// fmtMaxWidth is the largest width or precision package fmt honours.
const fmtMaxWidth = 1_000_000

// print, printf and println stand in for text/template's builtins. They
// refuse what could make more than MaxOutput bytes before making it:
// "%1000000d" in a loop, or a variable doubled by {{$x = print $x $x}},
// would otherwise fill memory with text that is never written.

// print is fmt.Sprint, bounded.
func (f *funcs) print(args ...any) (string, error) {
	return f.format("print", len(args)+textLen(args), func() string { return fmt.Sprint(args...) })
}

// println is fmt.Sprintln, bounded.
func (f *funcs) println(args ...any) (string, error) {
	return f.format("println", len(args)+1+textLen(args), func() string { return fmt.Sprintln(args...) })
}

// printf is fmt.Sprintf, bounded: each verb may pad every value it formats
// to the widest width the format names, and quote or hex-encode (at most
// four bytes a byte) all the arguments' text.
func (f *funcs) printf(format string, args ...any) (string, error) {
	verbs := strings.Count(format, "%")
	bound := len(format) + verbs*(4*textLen(args)+(maxWidth(format)+64)*leaves(args))
	s, err := f.format("printf", bound, func() string { return fmt.Sprintf(format, args...) })
	if err == nil {
		err = badVerb(format, s, args)
	}
	return s, err
}

// badVerb reports what package fmt marks in its output with "%!" — a verb
// that does not fit its argument ("%!d(string=N/1)"), a missing or an
// extra argument — instead of printing the mark into a note.
func badVerb(format, out string, args []any) error {
	i := strings.Index(out, "%!")
	if i < 0 {
		return nil
	}
	for _, a := range args {
		if strings.Contains(fmt.Sprint(a), "%!") {
			return nil // the mark is the argument's own text
		}
	}
	mark := out[i:]
	if end := strings.IndexAny(mark, ") "); end >= 0 {
		mark = mark[:end+1]
	}
	return &funcError{"template-printf", fmt.Sprintf("printf %q does not fit its arguments: fmt printed %s", format, strings.TrimSpace(mark)),
		"use %s for text, %d only for numbers, and one verb per argument; print usually does"}
}

// format makes the text of a print function whose output is at most bound
// bytes long.
func (f *funcs) format(fn string, bound int, text func() string) (string, error) {
	if bound > MaxOutput {
		return "", &funcError{"template-limit", fmt.Sprintf("%s could make more than %d bytes", fn, MaxOutput), "print less at a time; a note verbale is a page or two"}
	}
	s := text()
	return s, f.b.spendText(s)
}

// maxWidth is the largest width or precision a format asks for: its
// largest number, or fmt's limit when one is an argument (*).
func maxWidth(format string) int {
	if strings.Contains(format, "*") {
		return fmtMaxWidth
	}
	w := 0
	for field := range strings.FieldsFuncSeq(format, func(r rune) bool { return r < '0' || r > '9' }) {
		n, err := strconv.Atoi(field)
		if err != nil || n > fmtMaxWidth {
			return fmtMaxWidth
		}
		w = max(w, n)
	}
	return w
}

// textLen is the length of the arguments printed plainly.
func textLen(args []any) int {
	n := 0
	for _, a := range args {
		if s, ok := a.(string); ok {
			n += len(s)
		} else {
			n += len(fmt.Sprint(a))
		}
	}
	return n
}

// leaves counts the values inside the arguments that a verb formats one by
// one, each padded to the width: a list's items, a map's keys and values,
// a struct's fields.
func leaves(args []any) int {
	n := 0
	for _, a := range args {
		n += leafCount(reflect.ValueOf(a), 0)
	}
	return n
}

func leafCount(v reflect.Value, depth int) int {
	if depth > 8 {
		return 1
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return 1
		}
		return leafCount(v.Elem(), depth+1)
	case reflect.Slice, reflect.Array:
		n := 1
		for i := range v.Len() {
			n += leafCount(v.Index(i), depth+1)
		}
		return n
	case reflect.Map:
		n := 1
		for it := v.MapRange(); it.Next(); {
			n += leafCount(it.Key(), depth+1) + leafCount(it.Value(), depth+1)
		}
		return n
	case reflect.Struct:
		n := 1
		for i := range v.NumField() {
			n += leafCount(v.Field(i), depth+1)
		}
		return n
	}
	return 1
}
