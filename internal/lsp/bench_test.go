package lsp

import (
	"io"
	"strings"
	"testing"

	"github.com/chancery-dev/chancery/internal/lsp/jsonrpc"
)

// BenchmarkChange measures what a keystroke costs: the project checked
// again on the changed buffer and its diagnostics published.
func BenchmarkChange(b *testing.B) {
	for _, project := range []string{".", "testdata/agreement"} {
		b.Run(strings.TrimPrefix(project, "testdata/"), func(b *testing.B) {
			root := copyProject(b, project)
			s := &Server{conn: jsonrpc.NewConn(strings.NewReader(""), io.Discard), buffers: map[string]string{}, published: map[string]bool{}, dirty: true, opt: Options{Root: root}}
			if _, err := s.initialize(InitializeParams{}); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				s.buffers["clauses/x.yaml"] = strings.Repeat("x", i%7)
				s.changed()
				s.analyze()
				s.publish()
			}
		})
	}
}
