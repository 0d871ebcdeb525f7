package check

import "slices"

// Check describes one check that a suppress: entry can name.
type Check struct {
	Name    string // as written in suppress: and printed as the diagnostic's code
	Summary string
}

// checker is a check with the function that runs it.
type checker struct {
	Check
	// draftOnly checks find nothing in a final check, so a suppression of
	// them is not reported as unused there.
	draftOnly bool
	run       func(*run)
}

// Names of the checks, which are also their diagnostics' codes.
const (
	Verbatim    = "verbatim"
	Brackets    = "brackets"
	Insert      = "insert"
	Placeholder = "placeholder"
	MixedScript = "mixed-script"
	Concordance = "concordance"
	Freshness   = "freshness"
	// VerbatimUnverified: an aligned clause's language that its source
	// lacks, so that the quotation cannot be verified in it.
	VerbatimUnverified = "verbatim-unverified"
)

func table() []checker {
	return []checker{
		{Check: Check{Verbatim, "a clause with aligned: quotes its source paragraph word for word"}, run: (*run).verbatim},
		// The verbatim check reports it; its entry names it for suppress:.
		{Check: Check{VerbatimUnverified, "every language of an aligned clause can be verified against its source"}, run: func(*run) {}},
		{Check: Check{Brackets, "no wording is left in square brackets (not agreed yet)"}, run: (*run).brackets},
		{Check: Check{Insert, "no negotiation insert (bis, ter) is left in a draft"}, draftOnly: true, run: (*run).inserts},
		{Check: Check{Placeholder, "no {fill:...} placeholder is left"}, run: (*run).placeholders},
		{Check: Check{MixedScript, "no word mixes Latin and Cyrillic (or Greek) letters"}, run: (*run).mixedScript},
		{Check: Check{Concordance, "every language version cites the same references and has the same figures, dates, placeholders, brackets and quoted terms; number words match their figures"}, run: (*run).concordance},
		{Check: Check{Freshness, "a translation that records the base text it translates (translated:) translates the current one"}, run: (*run).freshness},
	}
}

// Checks lists the checks that suppress: entries can name, in the order
// they run.
func Checks() []Check {
	var out []Check
	for _, c := range table() {
		out = append(out, c.Check)
	}
	return out
}

// Names lists the check names, sorted.
func Names() []string {
	var out []string
	for _, c := range table() {
		out = append(out, c.Name)
	}
	slices.Sort(out)
	return out
}

func lookup(name string) (checker, bool) {
	for _, c := range table() {
		if c.Name == name {
			return c, true
		}
	}
	return checker{}, false
}
