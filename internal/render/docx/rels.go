package docx

// relationship is one entry of a .rels part.
type relationship struct {
	ID, Type, Target string
	// External marks a target outside the package (a link's address).
	External bool
}

// relsPart writes relationships as the .rels part called name
// ("_rels/.rels" for the package, "word/_rels/document.xml.rels" for the
// main document).
func relsPart(name string, rels []relationship) part {
	x := newXML()
	x.start("Relationships", "xmlns", nsRels)
	for _, r := range rels {
		if r.External {
			x.empty("Relationship", "Id", r.ID, "Type", r.Type, "Target", r.Target, "TargetMode", "External")
			continue
		}
		x.empty("Relationship", "Id", r.ID, "Type", r.Type, "Target", r.Target)
	}
	x.end("Relationships")
	return part{Name: name, ContentType: ctRels, Data: x.bytes()}
}
