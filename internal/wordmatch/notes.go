package wordmatch

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// Span is a part of a text, named, from its first words to its last.
type Span struct {
	Name, Start, End string
}

// Cut cuts text into the parts spans name, in their order: each from its
// Start to its End inclusive, searched after the end of the part before.
// A part that cannot be found (or one before it could not) is "".
func Cut(text string, spans []Span) map[string]string {
	out := map[string]string{}
	from := 0
	for _, s := range spans {
		if from < 0 {
			out[s.Name] = ""
			continue
		}
		i := strings.Index(text[from:], s.Start)
		if i < 0 {
			from, out[s.Name] = -1, ""
			continue
		}
		i += from
		j := strings.Index(text[i:], s.End)
		if j < 0 {
			from, out[s.Name] = -1, ""
			continue
		}
		from = i + j + len(s.End)
		out[s.Name] = text[i:from]
	}
	return out
}

// ReadSpans reads a file of spans, one a line: name, start and end
// separated by tabs; blank lines and lines starting with # are skipped.
func ReadSpans(file string) ([]Span, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var spans []Span
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != 3 {
			return nil, fmt.Errorf("%s:%d: want name, start and end separated by tabs", file, n)
		}
		spans = append(spans, Span{Name: fields[0], Start: fields[1], End: fields[2]})
	}
	return spans, sc.Err()
}

// ReferenceParts reads the reference text file and cuts it into the parts
// that the file beside it, named like it with ".notes" for ".txt", lists
// (see ReadSpans).
func ReferenceParts(file string) (map[string]string, error) {
	text, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	spans, err := ReadSpans(strings.TrimSuffix(file, ".txt") + ".notes")
	if err != nil {
		return nil, err
	}
	return Cut(string(text), spans), nil
}
