package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/diag"
	"github.com/chancery-dev/chancery/internal/preview"
	"github.com/chancery-dev/chancery/internal/watch"
	"github.com/spf13/cobra"
)

// ServeOptions are the options of chancery serve.
type ServeOptions struct {
	Env      Env
	Host     string
	Port     int
	Final    bool
	Debounce time.Duration
	// Ready, when set, is called with the address served once the first
	// build is done and the project is watched.
	Ready func(addr string)
}

// NewCmdServe returns chancery serve; runF runs it (runServe unless a test
// passes its own).
func NewCmdServe(env Env, runF func(context.Context, *ServeOptions) error) *cobra.Command {
	opts := &ServeOptions{Env: env}
	cmd := &cobra.Command{
		Use:   "serve [--port N]",
		Short: "Preview the project in a browser, reloading on every change",
		Long: `Serve builds every document and note of the project in each of its
languages as HTML, in memory (nothing is written to the project), and
serves them on http://127.0.0.1:PORT/ with an index at /. It watches the
project and builds again on every change; open pages reload by themselves
(Server-Sent Events). The diagnostics of the last build are shown at the
top of every page with their file:line:col; when a build has errors, the
pages of the last good build stay. A unit's id shows when the pointer is
over it, and references are links to the units they cite.

Only what was rendered is served; any other path is 404. Stop it with
Ctrl-C.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Port < 0 || opts.Port > 65535 {
				return &exitError{code: ExitUsage, msg: fmt.Sprintf("--port %d is not a port number (0-65535; 0 picks a free one)", opts.Port)}
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			if runF != nil {
				return runF(ctx, opts)
			}
			return runServe(ctx, opts)
		},
	}
	cmd.Flags().IntVar(&opts.Port, "port", 8421, "port to listen on (0 picks a free one)")
	cmd.Flags().StringVar(&opts.Host, "host", "127.0.0.1", "address to listen on; the default keeps the preview on this machine")
	cmd.Flags().BoolVar(&opts.Final, "final", false, "preview the signature-ready copies")
	cmd.Flags().DurationVar(&opts.Debounce, "debounce", 150*time.Millisecond, "how long the project must be quiet before a build")
	return cmd
}

func runServe(ctx context.Context, opts *ServeOptions) error {
	env := opts.Env
	stamp, err := buildTime(env)
	if err != nil {
		return err
	}
	site := preview.NewSite()
	rebuild := func() {
		fsys, err := openProject(env.Dir)
		if err != nil {
			fmt.Fprintln(env.Stderr, "chancery:", err)
			return
		}
		res, diags := build.Build(fsys, build.Options{Final: opts.Final, Time: stamp, Formats: []string{"html"}})
		var pages []preview.Page
		for _, o := range res.Outputs {
			pages = append(pages, preview.Page{Name: o.Name, Data: o.Data})
		}
		site.Update(pages, diags)
		diag.WriteText(env.Stderr, diags)
		e, warn := diags.Count()
		if e > 0 {
			fmt.Fprintf(env.Stderr, "chancery: %s, %s; the pages of the last good build are kept\n", plural(e, "error"), plural(warn, "warning"))
		} else {
			fmt.Fprintf(env.Stderr, "chancery: rendered %s (%s)\n", plural(len(pages), "page"), plural(warn, "warning"))
		}
	}
	w, err := watch.New(env.Dir, watch.Options{Debounce: opts.Debounce, Skip: func(rel string) bool { return rel == "out" }})
	if err != nil {
		return failed("cannot watch %s: %v", env.Dir, err)
	}
	defer w.Close()
	rebuild()
	ln, err := net.Listen("tcp", net.JoinHostPort(opts.Host, strconv.Itoa(opts.Port)))
	if err != nil {
		return failed("cannot listen on %s:%d: %v", opts.Host, opts.Port, err)
	}
	srv := &http.Server{Handler: site, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	addr := ln.Addr().String()
	fmt.Fprintf(env.Stderr, "chancery: previewing on http://%s/ ; Ctrl-C stops\n", addr)
	if opts.Ready != nil {
		opts.Ready(addr)
	}
	defer func() {
		site.Close()
		srv.Close()
	}()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-served:
			if errors.Is(err, http.ErrServerClosed) {
				return nil
			}
			return failed("serving: %v", err)
		case batch := <-w.Changes():
			fmt.Fprintf(env.Stderr, "chancery: changed: %s\n", strings.Join(batch, ", "))
			rebuild()
		case err := <-w.Errors():
			fmt.Fprintf(env.Stderr, "chancery: watching: %v\n", err)
		}
	}
}
