package main

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"time"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/serve"
	"github.com/spf13/cobra"
)

type serveOptions struct {
	*app
	dir    string
	port   int
	listen string
	open   bool
	work   string
	// stop, when set, ends the page when closed (tests); otherwise it
	// runs until the program is stopped.
	stop <-chan struct{}
}

func newServeCmd(a *app) *cobra.Command {
	o := &serveOptions{app: a}
	cmd := &cobra.Command{
		Use:   "serve [PROJECT]",
		Short: "Do the whole job in a browser: a page on this computer",
		Long: `serve starts a page in the browser that does what the commands do, for
people who do not use a terminal: start a project from the templates, open a
project folder or upload its workbooks and survey exports (a zip of the
folder too), check it (every problem with its file, sheet and cell), run it
(progress per community, the status table, the workbooks to download), look
at each community's headline figures and charts, and take a quick look at
one KoboToolbox export. The page is in Ukrainian, with an English switch.

The page is served on this computer only (127.0.0.1), on a free port
(--port to choose one), and its address carries a key for this session:
open the address serve prints, or give --open to open it in the default
browser. Nothing is sent to the internet. New projects, uploads and quick
looks are kept in the working folder (--work; default: the folder hromada
in your home folder). PROJECT, when given, is opened at the start. Stop the
page with Ctrl-C.

For example (each runs until Ctrl-C, so the help has no runnable examples):

  hromada serve --open
  hromada serve my-project --port 8080
  hromada serve --work D:\hromada`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.dir = args[0]
			}
			return runServe(o)
		},
	}
	f := cmd.Flags()
	f.IntVar(&o.port, "port", 0, "port to listen on (0: a free one)")
	f.StringVar(&o.listen, "listen", "127.0.0.1", "address to listen on; another than this computer's (127.0.0.1) lets others on the network reach the page")
	f.BoolVar(&o.open, "open", false, "open the page in the default browser")
	f.StringVar(&o.work, "work", "", "working folder for new projects, uploads and quick looks (default: hromada in your home folder)")
	return cmd
}

// serveAddr checks --port and --listen: the address to listen on.
func serveAddr(o *serveOptions) (string, error) {
	if o.port < 0 || o.port > 65535 {
		return "", usagef("--port %d: укажіть порт від 1 до 65535 або 0 (будь-який вільний)", "--port %d: give a port from 1 to 65535, or 0 for a free one", o.port)
	}
	if o.listen != "localhost" && net.ParseIP(o.listen) == nil {
		return "", usagef("--listen «%s»: укажіть IP-адресу, наприклад 127.0.0.1 (лише цей комп'ютер) або 0.0.0.0 (уся мережа)", "--listen %q: give an IP address such as 127.0.0.1 (this computer only) or 0.0.0.0 (every network)", o.listen)
	}
	return net.JoinHostPort(o.listen, strconv.Itoa(o.port)), nil
}

func runServe(o *serveOptions) error {
	lang := o.msgLang()
	addr, err := serveAddr(o)
	if err != nil {
		return err
	}
	if o.dir != "" {
		if err := projectDir(o.dir); err != nil {
			return err
		}
	}
	if o.work == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return usagef("немає домашньої папки (%v): укажіть робочу папку через --work", "no home folder (%v): name a working folder with --work", err)
		}
		o.work = filepath.Join(home, "hromada")
	}
	if st, err := os.Stat(o.work); err == nil && !st.IsDir() {
		return usagef("--work %s — це файл; укажіть папку", "--work %s is a file; name a folder", o.work)
	}
	srv, err := serve.New(serve.Options{Work: o.work, Project: o.dir})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return hromada.Errorf("не вдалося відкрити адресу %s: %w", "cannot listen on %s: %w", addr, err)
	}
	if !serve.Loopback(ln.Addr().String()) {
		fmt.Fprintf(o.stderr, "%s: %s\n", hromada.Warning.In(lang), tr(lang,
			fmt.Sprintf("сторінка доступна за адресою %s: кожен у мережі, хто має цю адресу (з ключем), бачить сторінку і дані проєкту", ln.Addr()),
			fmt.Sprintf("the page listens on %s: anyone on the network who has its address (with the key) can reach it and the project's data", ln.Addr())))
	}
	host := ln.Addr().(*net.TCPAddr)
	shown := o.listen
	if ip := net.ParseIP(shown); ip != nil && ip.IsUnspecified() {
		shown = "127.0.0.1"
	}
	url := fmt.Sprintf("http://%s/?t=%s", net.JoinHostPort(shown, strconv.Itoa(host.Port)), srv.Token())
	fmt.Fprintf(o.stdout, "hromada: open this address in your browser / відкрийте цю адресу в браузері:\n  %s\n", url)
	fmt.Fprintf(o.stdout, "working folder / робоча папка: %s\nStop with Ctrl-C / зупинити: Ctrl-C\n", srv.Work())
	if o.open {
		if err := openBrowser(url); err != nil {
			fmt.Fprintf(o.stderr, "%s: %s\n", hromada.Warning.In(lang), hromada.Message(hromada.Errorf("не вдалося відкрити браузер (%v); відкрийте адресу вище вручну", "cannot open the browser (%v); open the address above", err), lang))
		}
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	if o.stop != nil {
		go func() {
			<-o.stop
			_ = hs.Close() // ends Serve below, which reports it
		}()
	}
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// openBrowser opens url in the default browser, without waiting for it.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }() // reap it; its exit status says nothing about the page
	return nil
}
