package docx

import "time"

// meta is the package's metadata (File > Properties in Word).
type meta struct {
	Title, Subject, Creator string
	Language                string // w:lang form: "en-GB"
	Time                    time.Time
}

// corePart writes docProps/core.xml.
func corePart(m meta) part {
	stamp := m.Time.UTC().Format(time.RFC3339)
	x := newXML()
	x.start("cp:coreProperties", "xmlns:cp", nsCore, "xmlns:dc", nsDC, "xmlns:dcterms", nsDCTerms,
		"xmlns:dcmitype", nsDCMIType, "xmlns:xsi", nsXSI)
	x.elem("dc:title", m.Title)
	x.elem("dc:subject", m.Subject)
	x.elem("dc:creator", m.Creator)
	x.elem("cp:lastModifiedBy", m.Creator)
	x.elem("dc:language", m.Language)
	x.elem("dcterms:created", stamp, "xsi:type", "dcterms:W3CDTF")
	x.elem("dcterms:modified", stamp, "xsi:type", "dcterms:W3CDTF")
	x.end("cp:coreProperties")
	return part{Name: "docProps/core.xml", ContentType: ctCore, Data: x.bytes()}
}

// appPart writes docProps/app.xml.
func appPart(m meta) part {
	x := newXML()
	x.start("Properties", "xmlns", nsApp, "xmlns:vt", nsVT)
	x.elem("Application", "chancery")
	x.elem("DocSecurity", "0")
	x.elem("Company", m.Creator)
	x.elem("LinksUpToDate", "false")
	x.elem("SharedDoc", "false")
	x.elem("HyperlinksChanged", "false")
	x.end("Properties")
	return part{Name: "docProps/app.xml", ContentType: ctApp, Data: x.bytes()}
}
