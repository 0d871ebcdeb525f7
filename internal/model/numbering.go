package model

// DefaultNumbering returns chancery's default numbering, which a document
// gets when it names none: sections "1:", paragraphs "1.1", items "i."
// then "a.", and negotiation inserts "(ii) (bis)"; cited as "paragraph 4",
// "sub-paragraph 4.1", "paragraph 2.1, subparagraph iii.". A house style's
// or document's numbering: block replaces it.
func DefaultNumbering() Numbering {
	return Numbering{
		Schemes: map[string]*Scheme{
			"section":   {Name: "section", Label: "{n}:", Ref: "{n}", Term: "paragraph"},
			"paragraph": {Name: "paragraph", Label: "{up}.{n}", Term: "sub-paragraph", ContainerTerm: "paragraph"},
			"roman":     {Name: "roman", Label: "{n:i}.", Insert: "({n:i}) ({x})", Term: "subparagraph"},
			"alpha":     {Name: "alpha", Label: "{n:a}.", Term: "subparagraph"},
		},
		Levels:  []string{"section", "paragraph", "roman", "alpha"},
		Bullets: DefaultBullets(),
	}
}

// DefaultBullets returns the bullets of a document that names none: a
// bullet for the first level of a list, an en dash for the next.
func DefaultBullets() []string { return []string{"•", "–"} }

// BulletAt returns the bullet of list level level (0 for a bullet whose
// parent is not a bullet); the last bullet repeats for deeper levels.
func (n Numbering) BulletAt(level int) string {
	if len(n.Bullets) == 0 {
		return DefaultBullets()[min(level, len(DefaultBullets())-1)]
	}
	return n.Bullets[min(level, len(n.Bullets)-1)]
}

// SchemeAt returns the default scheme name for units at depth.
func (n Numbering) SchemeAt(depth int) string {
	if depth < len(n.Levels) {
		return n.Levels[depth]
	}
	return n.Levels[len(n.Levels)-1]
}

// InsertSuffixes returns the Latin adverbs that number negotiation inserts
// after a unit, in order: bis, ter, quater, ...
func InsertSuffixes() []string {
	return []string{"bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies"}
}
