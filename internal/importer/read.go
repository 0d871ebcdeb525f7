package importer

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/chancery-dev/chancery/internal/docxread"
)

// UnsupportedError says which input was refused and what to do instead.
type UnsupportedError struct {
	Ext  string
	Hint string
}

func (e *UnsupportedError) Error() string {
	return fmt.Sprintf("chancery cannot read %s files", e.Ext)
}

// ReadFile reads a draft by its extension: .docx, or .txt and .md. Other
// formats are refused with an UnsupportedError saying how to convert them.
func ReadFile(name string, data []byte) ([]*Para, error) {
	ext := strings.ToLower(filepath.Ext(name))
	base := filepath.Base(name)
	switch ext {
	case ".docx":
		return ReadDOCX(base, data)
	case ".txt", ".md", ".markdown", ".text":
		return ReadText(base, data)
	case ".doc", ".odt", ".rtf", ".wpd", ".pages", ".fodt", ".docm", ".dotx":
		return nil, &UnsupportedError{Ext: ext, Hint: "convert it to DOCX with LibreOffice first: soffice --headless --convert-to docx " + base}
	case ".pdf":
		return nil, &UnsupportedError{Ext: ext, Hint: "a PDF keeps no paragraphs or numbering: import the DOCX it was made from, or convert it to text (pdftotext -layout " + base + ") and check the result"}
	}
	return nil, &UnsupportedError{Ext: ext, Hint: "import a .docx (convert other formats with LibreOffice: soffice --headless --convert-to docx " + base + "), or a .txt or .md file"}
}

// IsDOCXError reports whether err is a failure to read a DOCX package.
func IsDOCXError(err error) bool {
	var de *docxread.Error
	return errors.As(err, &de)
}
