package note

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"

	"github.com/chancery-dev/chancery/internal/diag"
)

// MaxOutput bounds the text the templates of one edition write, its
// purpose, body paragraphs and blocks together, in bytes. A note verbale
// is a page or two: past the limit a template repeats text without end.
const MaxOutput = 1 << 20

// MaxWork bounds the work of the templates of one edition, in steps: each
// node of a template that runs (an action, a text, an argument) is a step,
// and so is every 64 bytes of a literal or of the text a function reads
// or makes. A straight template spends about its length; only a {{range}}
// (over a list or a number: {{range 1000000000}}) and {{template}} calls
// (a template calling two others, forty deep) can spend more, and the
// budget stops them.
const MaxWork = 1 << 16

// workFunc is the function that charges the budget. meter puts a call of it
// at the head of every template and every {{range}} body; vet refuses it in
// what a user writes, since it is not in FuncNames.
const workFunc = "_work"

// longOutput is the error a bounded output fails with.
type longOutput struct{}

func (longOutput) Error() string { return "output past MaxOutput" }

// budget is what is left to the templates of one edition.
type budget struct {
	tag      string     // the edition's language, for messages
	out      int        // bytes to write
	work     int        // steps
	spent    *funcError // what spend fails with once work is spent
	reported bool       // whether running out has been reported
}

// newBudget is the whole budget of an edition in language tag.
func newBudget(tag string) *budget {
	return &budget{tag: tag, out: MaxOutput, work: MaxWork, spent: &funcError{"template-limit",
		fmt.Sprintf("the templates of the %s edition run more than %d steps", tag, MaxWork),
		"a {{range}} over a large number, or templates calling one another, repeat without end; a note needs little more than {{range .Body}}"}}
}

// spend charges steps, failing once the budget is spent.
func (b *budget) spend(steps int) error {
	b.work -= steps
	if b.work < 0 {
		b.work = 0
		return b.spent
	}
	return nil
}

// spendText charges the text a function reads or makes.
func (b *budget) spendText(texts ...string) error {
	n := 1
	for _, s := range texts {
		n += len(s) / 64
	}
	return b.spend(n)
}

// output collects what a template writes, failing with longOutput past
// the budget.
type output struct {
	b  *budget
	sb strings.Builder
}

func (o *output) Write(p []byte) (int, error) {
	if len(p) > o.b.out {
		o.b.out = 0
		return 0, longOutput{}
	}
	o.b.out -= len(p)
	return o.sb.Write(p)
}

// run executes the template name of t with dot, reporting an error at the
// template's file:line:col, or at when the error has no position (output
// past the budget, say).
func (b *budget) run(t *template.Template, name string, dot map[string]any, ss sources, at diag.Pos, diags *diag.List) (string, bool) {
	o := &output{b: b}
	err := t.ExecuteTemplate(o, name, dot)
	tooLong := errors.Is(err, longOutput{})
	var fe *funcError
	tooMuch := errors.As(err, &fe) && fe == b.spent
	switch {
	case err == nil:
		return o.sb.String(), true
	case (tooLong || tooMuch) && b.reported:
		// Reported where the budget ran out; what runs later fails too.
	case tooLong:
		b.reported = true
		d := diags.Errorf(at, "template-limit", "the templates of the %s edition write more than %d bytes", b.tag, MaxOutput)
		d.Hint = "a {{range}} repeats text without end; a note verbale is a page or two"
	case tooMuch:
		b.reported = true
		ss.report(err, dot, diags)
	case !ss.located(err):
		diags.Errorf(at, "template", "%s", strings.TrimPrefix(err.Error(), "template: "))
	default:
		ss.report(err, dot, diags)
	}
	return "", false
}

// blockAt is where block name of t starts.
func (ss sources) blockAt(t *template.Template, name string) diag.Pos {
	src := ss[t.Name()]
	if bt := t.Lookup(name); bt != nil && bt.Tree != nil && bt.Root != nil {
		return src.at(int(bt.Root.Pos))
	}
	return src.at(0)
}

// located reports whether a template error names a line of one of the
// sources.
func (ss sources) located(err error) bool {
	m := tmplLoc().FindStringSubmatch(err.Error())
	return m != nil && ss[m[1]] != nil
}

// meter puts a charge of the budget at the head of every template of t
// and of every {{range}} body: each run of a template and each iteration
// of a range pays for the nodes it runs.
func meter(t *template.Template) {
	for _, tt := range t.Templates() {
		if tt.Tree != nil && tt.Root != nil {
			meterList(tt.Root, tt.Root.Pos)
		}
	}
}

// meterList charges list (found at pos) with its cost, metering the range
// bodies inside it on their own.
func meterList(list *parse.ListNode, pos parse.Pos) {
	cost := 1 + cost(list)
	id := parse.NewIdentifier(workFunc).SetPos(pos)
	n := &parse.NumberNode{NodeType: parse.NodeNumber, Pos: pos, IsInt: true, Int64: int64(cost), Text: strconv.Itoa(cost)}
	cmd := &parse.CommandNode{NodeType: parse.NodeCommand, Pos: pos, Args: []parse.Node{id, n}}
	charge := &parse.ActionNode{NodeType: parse.NodeAction, Pos: pos, Pipe: &parse.PipeNode{NodeType: parse.NodePipe, Pos: pos, Cmds: []*parse.CommandNode{cmd}}}
	list.Nodes = append([]parse.Node{charge}, list.Nodes...)
}

// cost is the number of steps running n takes, range bodies left out
// (they are metered, and charged per iteration, on their own).
func cost(n parse.Node) int {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return 0
		}
		c := 0
		for _, x := range n.Nodes {
			c += cost(x)
		}
		return c
	case *parse.TextNode:
		return 1 + len(n.Text)/64
	case *parse.StringNode:
		return 1 + len(n.Text)/64
	case *parse.ActionNode:
		return 1 + cost(n.Pipe)
	case *parse.PipeNode:
		if n == nil {
			return 0
		}
		c := 1 + len(n.Decl)
		for _, x := range n.Cmds {
			c += cost(x)
		}
		return c
	case *parse.CommandNode:
		c := 1
		for _, x := range n.Args {
			c += cost(x)
		}
		return c
	case *parse.ChainNode:
		return 1 + cost(n.Node)
	case *parse.IfNode:
		return 1 + cost(n.Pipe) + cost(n.List) + cost(n.ElseList)
	case *parse.WithNode:
		return 1 + cost(n.Pipe) + cost(n.List) + cost(n.ElseList)
	case *parse.RangeNode:
		meterList(n.List, n.Pos)
		return 1 + cost(n.Pipe) + cost(n.ElseList)
	case *parse.TemplateNode:
		return 1 + cost(n.Pipe)
	}
	return 1
}
