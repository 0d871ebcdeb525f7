package docx

// XML namespaces and relationship types of the parts this package writes.
const (
	nsW        = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR        = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRels     = "http://schemas.openxmlformats.org/package/2006/relationships"
	nsTypes    = "http://schemas.openxmlformats.org/package/2006/content-types"
	nsCore     = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
	nsDC       = "http://purl.org/dc/elements/1.1/"
	nsDCTerms  = "http://purl.org/dc/terms/"
	nsDCMIType = "http://purl.org/dc/dcmitype/"
	nsXSI      = "http://www.w3.org/2001/XMLSchema-instance"
	nsApp      = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
	nsVT       = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
	// nsMC is markup compatibility (ECMA-376 Part 3); nsW15 is Word 2012's
	// extension namespace, which a choice of custom footnote marks requires.
	nsMC  = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsW15 = "http://schemas.microsoft.com/office/word/2012/wordml"

	relOfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	relCoreProps      = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	relAppProps       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
	relStyles         = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
	relNumbering      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
	relSettings       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
	relHeader         = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
	relFooter         = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"

	ctRels      = "application/vnd.openxmlformats-package.relationships+xml"
	ctXML       = "application/xml"
	ctDocument  = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
	ctStyles    = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
	ctNumbering = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
	ctSettings  = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
	ctHeader    = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
	ctFooter    = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
	ctCore      = "application/vnd.openxmlformats-package.core-properties+xml"
	ctApp       = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
)

// rootAttrs declares the w: and r: prefixes on a WordprocessingML root.
func rootAttrs() []string {
	return []string{"xmlns:w", nsW, "xmlns:r", nsR}
}
