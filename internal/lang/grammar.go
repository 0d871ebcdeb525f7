package lang

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// NoBreakSpace (U+00A0) joins words a line must never part: a term and
// its number ("пункт 4.1", "iv. тармақшасының"), the number sign and the
// number ("№ 1"), the day and the month of a date ("13 мая"). Writers
// break lines and stretch justified lines at ordinary spaces only.
const NoBreakSpace = "\u00a0"

// Relative says where the units a reference cites stand from the text that
// cites them, for "paragraph 3 above" / "жоғарыдағы 3-тармақ".
type Relative int

const (
	NotRelative Relative = iota // no "above" or "below"
	Above
	Below
)

// Placement is where a word stands beside the phrase it goes with: a
// recital's lead beside its text, "above"/"below" beside a reference.
type Placement int

const (
	First Placement = iota // before the phrase ("WHEREAS the …", "выше" never)
	Last                   // after it ("пункте 2 выше", "… ескере отырып,")
)

// grammarYAML is the "grammar:" section of a data file: facts about word
// order and about which forms the language allows, as data rather than
// switches in code. Every key is optional; see data.go.
type grammarYAML struct {
	// Relative is where "above"/"below" stand: "after" the reference
	// (en, ru: "пункте 2 выше") or "before" it (kk, head-final:
	// "жоғарыдағы 3-тармаққа").
	Relative string `yaml:"relative"`
	// RelativeByCase gives other words for "above"/"below" before a
	// reference in a given case (kk gen: "жоғарыда көрсетілген
	// 4.1-тармақтың ережелері").
	RelativeByCase map[string]relativeWordsYAML `yaml:"relative-by-case"`
	// RecitalLead is where a recital's lead stands: "first" (en, ru:
	// "WHEREAS the …") or "last" (kk: "… ескере отырып,").
	RecitalLead string `yaml:"recital-lead"`
	// LanguageNoun (kk) is the noun "language" that takes the case and the
	// plural after attributive language names: "ағылшын, орыс және қазақ
	// тілдерінің". Without it the names themselves take the case (ru:
	// "английском, русском и казахском").
	LanguageNoun string `yaml:"language-noun"`
	// CardinalRefused lists the cases in which a number word is never
	// written before a noun (kk: the case goes on the noun, "екі данада",
	// never "екіде"), with the reason given to the user.
	CardinalRefused []string `yaml:"cardinal-refused"`
	CardinalReason  string   `yaml:"cardinal-reason"`
}

type relativeWordsYAML struct {
	Above string `yaml:"above"`
	Below string `yaml:"below"`
}

// grammarRules are the parsed grammar facts of a language.
type grammarRules struct {
	relBefore       bool
	relByCase       map[Case][2]string // above, below
	leadLast        bool
	langNoun        *term
	cardinalRefused []Case
	cardinalReason  string
}

func (g grammarRules) clone() grammarRules {
	g.cardinalRefused = slices.Clone(g.cardinalRefused)
	g.relByCase = maps.Clone(g.relByCase)
	return g
}

func (l *Language) mergeGrammar(g *grammarYAML) error {
	switch g.Relative {
	case "":
	case "before":
		l.rules.relBefore = true
	case "after":
		l.rules.relBefore = false
	default:
		return fmt.Errorf("grammar: relative: %q is neither before nor after", g.Relative)
	}
	for name, w := range g.RelativeByCase {
		c, err := ParseCase(name)
		if err != nil {
			return fmt.Errorf("grammar: relative-by-case: %w", err)
		}
		if !l.hasCase(c) {
			return fmt.Errorf("grammar: relative-by-case: case %q is not valid for %s", name, l.tag)
		}
		if w.Above == "" || w.Below == "" {
			return fmt.Errorf("grammar: relative-by-case: %s needs both above and below", name)
		}
		if l.rules.relByCase == nil {
			l.rules.relByCase = map[Case][2]string{}
		}
		l.rules.relByCase[c] = [2]string{w.Above, w.Below}
	}
	switch g.RecitalLead {
	case "":
	case "first":
		l.rules.leadLast = false
	case "last":
		l.rules.leadLast = true
	default:
		return fmt.Errorf("grammar: recital-lead: %q is neither first nor last", g.RecitalLead)
	}
	if g.LanguageNoun != "" {
		if l.gram != kazakh {
			return fmt.Errorf("grammar: language-noun is Kazakh only")
		}
		l.rules.langNoun = &term{stem: g.LanguageNoun, forms: map[formKey]string{}}
	}
	if g.CardinalRefused != nil {
		l.rules.cardinalRefused = nil
		for _, name := range g.CardinalRefused {
			c, err := ParseCase(name)
			if err != nil {
				return fmt.Errorf("grammar: cardinal-refused: %w", err)
			}
			l.rules.cardinalRefused = append(l.rules.cardinalRefused, c)
		}
	}
	if g.CardinalReason != "" {
		l.rules.cardinalReason = g.CardinalReason
	}
	return nil
}

// RecitalLead says where a recital's lead stands beside its text: First
// in English and Russian ("WHEREAS the …", "ПРИНИМАЯ ВО ВНИМАНИЕ, что …"),
// Last in Kazakh, whose converb closes the clause ("… ескере отырып,").
// The lowering (package lower) reads it once for every recital block.
func (l *Language) RecitalLead() Placement {
	if l.rules.leadLast {
		return Last
	}
	return First
}

// relativeWord is "above"/"below" for a phrase in case c: the words of
// grammar.relative-by-case when the language has them for c (kk gen
// "жоғарыда көрсетілген"), else the words "above" and "below".
func (l *Language) relativeWord(rel Relative, c Case) (string, error) {
	i, key := 0, "above"
	if rel == Below {
		i, key = 1, "below"
	}
	if w, ok := l.rules.relByCase[c.orNom()]; ok {
		return w[i], nil
	}
	return l.Word(key)
}

// placeRelative adds "above"/"below" to a finished reference phrase.
func (l *Language) placeRelative(phrase string, opt RefOptions, c Case) (string, error) {
	if opt.Rel == NotRelative {
		return phrase, nil
	}
	w, err := l.relativeWord(opt.Rel, c)
	if err != nil {
		return "", err
	}
	if !l.rules.relBefore {
		return phrase + " " + w, nil
	}
	if opt.Capital {
		w = capitalize(w)
	}
	return w + " " + phrase, nil
}

// refuseCardinal reports an error when the language never writes a number
// word in case c.
func (l *Language) refuseCardinal(c Case) error {
	if !slices.Contains(l.rules.cardinalRefused, c) {
		return nil
	}
	var allowed []string
	for _, k := range l.cases {
		if !slices.Contains(l.rules.cardinalRefused, k) {
			allowed = append(allowed, string(k))
		}
	}
	msg := fmt.Sprintf("lang: %s does not write a number word in the %s case", l.tag, caseName(c))
	if l.rules.cardinalReason != "" {
		msg += ": " + l.rules.cardinalReason
	}
	return fmt.Errorf("%s (valid: %s)", msg, strings.Join(allowed, ", "))
}

// caseName is the English grammatical name of a case, for messages.
func caseName(c Case) string {
	switch c.orNom() {
	case Nom:
		return "nominative"
	case Gen:
		return "genitive"
	case Dat:
		return "dative"
	case Acc:
		return "accusative"
	case Ins:
		return "instrumental"
	case Pre:
		return "prepositional"
	case Loc:
		return "locative"
	case Abl:
		return "ablative"
	case Attr:
		return "attributive"
	}
	return string(c)
}
