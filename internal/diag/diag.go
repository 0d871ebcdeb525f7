// Package diag owns diagnostics: a position in a source file, a severity, a
// stable code and a message, plus sorting and the text, JSON and GitHub
// Actions encodings every command prints them in.
package diag

import (
	"cmp"
	"fmt"
	"slices"
)

// Pos is a position in a project file. File is relative and slash-separated;
// Line and Col are 1-based, 0 when unknown.
type Pos struct {
	File string
	Line int
	Col  int
}

// String renders "file:line:col", dropping the parts that are unknown.
func (p Pos) String() string {
	switch {
	case p.File == "":
		return "-"
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Severity says whether a diagnostic stops a build.
type Severity int

const (
	// Error makes check and build fail.
	Error Severity = iota
	// Warning is reported but does not fail a draft build.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one finding about the inputs.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Code     string // stable, kebab-case: "unknown-ref", "yaml-syntax"
	Message  string
	Hint     string // what to do about it; may be empty
}

// String renders "path:line:col: error: message [code]".
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s [%s]", d.Pos, d.Severity, d.Message, d.Code)
}

// List collects diagnostics from a stage.
type List []Diagnostic

// Errorf adds an error.
func (l *List) Errorf(pos Pos, code, format string, args ...any) *Diagnostic {
	return l.add(pos, Error, code, fmt.Sprintf(format, args...))
}

// Warnf adds a warning.
func (l *List) Warnf(pos Pos, code, format string, args ...any) *Diagnostic {
	return l.add(pos, Warning, code, fmt.Sprintf(format, args...))
}

func (l *List) add(pos Pos, sev Severity, code, msg string) *Diagnostic {
	*l = append(*l, Diagnostic{Pos: pos, Severity: sev, Code: code, Message: msg})
	return &(*l)[len(*l)-1]
}

// Append adds all of other.
func (l *List) Append(other List) { *l = append(*l, other...) }

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns the number of errors and warnings.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Sort orders by file, line, column, then code and message, and drops exact
// duplicates, so output is stable whatever order the stages ran in.
func (l *List) Sort() {
	slices.SortStableFunc(*l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Code, b.Code),
			cmp.Compare(a.Message, b.Message),
		)
	})
	*l = slices.Compact(*l)
}
