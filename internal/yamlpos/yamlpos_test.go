package yamlpos

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// reportedLine is the line go.yaml.in/yaml/v3's error names.
func reportedLine(t *testing.T, data string) int {
	t.Helper()
	var n yaml.Node
	err := yaml.Unmarshal([]byte(data), &n)
	if err == nil {
		t.Fatalf("no error for\n%s", data)
	}
	m := regexp.MustCompile(`line (\d+)`).FindStringSubmatch(err.Error())
	if m == nil {
		t.Fatalf("no line in %v", err)
	}
	line, _ := strconv.Atoi(m[1])
	return line
}

func TestProblemLine(t *testing.T) {
	section := func(lines ...string) string {
		return strings.Join(append([]string{
			"section: cooperation", // 1
			"heading: {en: Areas}", // 2
			"paragraphs:",          // 3
			"  - id: areas",        // 4
			`    text: {en: "The Parties shall cooperate:",`, // 5
			`           ru: "Стороны сотрудничают:"}`,        // 6
			"    items:",                 // 7
			"      - id: areas.exchange", // 8
			`        text: {en: "exchange of information;"}`,   // 9
			"      - id: areas.events",                         // 10
			"        text:",                                    // 11
			`          en: "joint events, held in turn in the`, // 12
			`            capitals of the Parties."`,            // 13
			"  - id: scope",                                    // 14
		}, lines...), "\n") + "\n"
	}
	for _, c := range []struct {
		name string
		data string
		want int
	}{
		{"a key indented one space too few", section(
			"    text: {en: Scope}", // 15
			"   note: late",         // 16
			"  - id: last",          // 17
		), 16},
		{"a flow sequence never closed", section(
			"    text: {en: Scope}", // 15
			"    tags: [a, b",       // 16
			"  - id: last",          // 17
			"    text: {en: Last}",  // 18
		), 16},
		{"a quote never closed", section(
			`    text: {en: "Scope}`, // 15
			"  - id: last",           // 16
			"    text: {en: Last}",   // 17
		), 15},
		{"a colon in a plain text", section(
			"    text: {en: Scope}",                // 15
			"  - id: last",                         // 16
			"    text: Note: a colon needs quotes", // 17
		), 17},
		{"a tab in the indentation", section(
			"    text: {en: Scope}", // 15
			"\ttext: {en: Tab}",     // 16
		), 16},
	} {
		t.Run(c.name, func(t *testing.T) {
			reported := reportedLine(t, c.data)
			if got := ProblemLine([]byte(c.data), reported); got != c.want {
				t.Errorf("ProblemLine = %d, want %d (the parser reported line %d)", got, c.want, reported)
			}
		})
	}
}

func TestProblemLineOfWellFormedYAMLIsTheReportedLine(t *testing.T) {
	if got := ProblemLine([]byte("a: 1\nb: [2, 3]\n"), 7); got != 7 {
		t.Errorf("ProblemLine = %d, want 7", got)
	}
}
