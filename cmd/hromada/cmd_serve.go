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
		Use:  "serve [PROJECT]",
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.dir = args[0]
			}
			return runServe(o)
		},
	}
	f := cmd.Flags()
	f.IntVar(&o.port, "port", 0, "")
	f.StringVar(&o.listen, "listen", "127.0.0.1", "")
	f.BoolVar(&o.open, "open", false, "")
	f.StringVar(&o.work, "work", "", "")
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
	srv, err := serve.New(serve.Options{Work: o.work, Project: o.dir, Listen: o.listen})
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
